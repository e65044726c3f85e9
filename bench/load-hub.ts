import "reflect-metadata";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PartnerCode } from "../connectors/partners";
import { STAND_IN_TOKEN as POLICE_STAND_IN_TOKEN } from "../connectors/police/stand-in";
import { Hub, startHub } from "../src/hub";
import { signDevToken } from "../src/platform/auth";
import { loadConfig } from "../src/platform/config";
import { OrganisationCode } from "../src/platform/domain";
import { createLogger } from "../src/platform/logger";
import { Purpose, Role } from "../src/platform/principal";
import type { AccessMode } from "../src/policy/permit-all";
import { sqlStatementsFor } from "../src/platform/sql-metrics";
import { largeSizes, largeStandInData } from "./large-data";
import { seedLarge } from "./seed-large";

/**
 * The hub under load, in a process of its own (forked by bench/load.ts), so
 * that the load generator does not share its event loop and its RSS is the
 * hub's alone: the gateway, the five subgraphs and the source stand-ins
 * (police records API with the large data set, Pankhurst's API, Hourglass's
 * returns, Challenger's PGlite), as the embedded hub runs them. Answers the
 * parent's requests over IPC: counts per request, counters, memory, stop.
 *
 * Config: NODE_ENV=test (the permit-all mode refuses production), but the
 * operations safelist on as production has it, logging off, no background
 * refresh; the same for both access modes.
 */

export interface HubReady {
  url: string;
  /** A Pankhurst caseworker's token, purpose support. */
  token: string;
  databaseUrl: string;
  police: { baseUrl: string; token: string };
  pankhurst: { baseUrl: string; token: string };
}

export interface HubCounters {
  police: number;
  pankhurst: number;
}

type Call = { id: number; method: "counters" } | { id: number; method: "sqlFor"; requestId: string } | { id: number; method: "memory" } | { id: number; method: "stop" };

async function main(): Promise<void> {
  const access = (process.env.BENCH_ACCESS ?? "guarded") as AccessMode;
  const sizes = largeSizes(Number(process.env.SEED_LARGE_SCALE ?? 1));
  const devKeyFile = join(mkdtempSync(join(tmpdir(), "casebridge-bench-keys-")), "dev-keys.json");
  const config = loadConfig({
    ...process.env,
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    AUTH_DEV_KEYS: "true",
    DEV_KEY_FILE: devKeyFile,
    OPERATIONS_SAFELIST: "true",
    INSIGHTS_REFRESH_MS: "0",
  });
  const hub: Hub = await startHub(config, createLogger("silent"), { ephemeralPorts: true, access, standInData: largeStandInData(sizes) });
  // Idempotent: on a server store, the first run writes it and later ones find it; in-memory PGlite writes it each time.
  if (access === "guarded" || hub.db.embedded) await seedLarge((sql, params) => hub.db.dataSource.query(sql, params), sizes, (line) => process.stdout.write(`  seed: ${line}\n`));
  const police = hub.sources.standIns.police;
  const pankhurst = hub.sources.standIns.partners.get(PartnerCode.PANKHURST);
  if (!police?.url || !pankhurst?.options.baseUrl || !pankhurst.options.token) throw new Error("the load benchmark runs against the police and Pankhurst stand-ins");
  const token = await signDevToken(config.auth, { subject: "bench-pankhurst", organisation: OrganisationCode.PANKHURST, roles: [Role.CASEWORKER], purpose: Purpose.SUPPORT });
  const ready: HubReady = {
    url: hub.url,
    token,
    databaseUrl: hub.db.url,
    police: { baseUrl: police.url, token: POLICE_STAND_IN_TOKEN },
    pankhurst: { baseUrl: pankhurst.options.baseUrl, token: pankhurst.options.token },
  };
  process.on("message", (call: Call) => {
    const reply = (result: unknown) => process.send?.({ id: call.id, result });
    switch (call.method) {
      case "counters":
        return reply({ police: police.requestCount(), pankhurst: pankhurst.callCount() } satisfies HubCounters);
      case "sqlFor":
        return reply(sqlStatementsFor(call.requestId));
      case "memory":
        return reply(process.memoryUsage());
      case "stop":
        void hub.close().then(() => {
          reply(true);
          process.exit(0);
        });
    }
  });
  process.send?.({ ready });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench hub failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
