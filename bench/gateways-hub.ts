import "reflect-metadata";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hub, startHub, tokenVerifier } from "../src/hub";
import { signDevToken } from "../src/platform/auth";
import { loadConfig, SUBGRAPH_NAMES, type SubgraphName } from "../src/platform/config";
import { OrganisationCode } from "../src/platform/domain";
import { createLogger } from "../src/platform/logger";
import { Purpose, Role } from "../src/platform/principal";
import { serveHiveGateway } from "./hive-gateway";
import { largeSizes, largeStandInData } from "./large-data";
import { seedLarge } from "./seed-large";

/**
 * The gateway comparison's hub, in a process of its own (forked by
 * bench/gateways.ts): the embedded hub as `npm start` runs it (five
 * subgraphs, the source stand-ins over the large synthetic data set, and
 * its @apollo/gateway), plus Hive Gateway (with its JavaScript planner, and again with its
 * Rust planner) over the same committed
 * supergraph and the same subgraph servers. The gateways share the
 * subgraphs' process, as the embedded hub's gateway does, and are measured
 * in turn, never at once.
 *
 * Subgraphs require the gateway proof (SUBGRAPH_REQUIRE_GATEWAY_PROOF), so
 * a gateway that forgot to sign a subgraph request would show as errors.
 * Source calls time out after 15 s rather than 2 s (SOURCE_TIMEOUT_MS).
 * The operations safelist is off for both: Hive here has no equivalent of
 * the hub's Express guard, and the comparison is of the gateways.
 */

export interface GatewaysReady {
  apollo: string;
  hive: string;
  /** The same Hive Gateway with its Rust query planner. */
  hiveRust: string;
  /** Pankhurst caseworkers, purpose support, one subject each: a different user on each request. */
  tokens: string[];
  store: string;
}

const USERS = Number(process.env.BENCH_USERS ?? 200);

async function main(): Promise<void> {
  const sizes = largeSizes(Number(process.env.SEED_LARGE_SCALE ?? 0.02));
  const devKeyFile = join(mkdtempSync(join(tmpdir(), "casebridge-bench-keys-")), "dev-keys.json");
  const config = loadConfig({
    ...process.env,
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    AUTH_DEV_KEYS: "true",
    DEV_KEY_FILE: devKeyFile,
    OPERATIONS_SAFELIST: "false",
    INSIGHTS_REFRESH_MS: "0",
    GATEWAY_SIGNING_KEY: "bench-only-gateway-signing-key-synthetic-0002",
    SUBGRAPH_REQUIRE_GATEWAY_PROOF: "true",
    // At 50 connections on a shared 2-core machine a source call can wait its turn for
    // seconds; the 2 s default then answers some requests SOURCE_UNAVAILABLE, for every
    // gateway alike. The comparison is of the gateways, so sources get longer here.
    SOURCE_TIMEOUT_MS: process.env.SOURCE_TIMEOUT_MS ?? "15000",
  });
  const hub: Hub = await startHub(config, createLogger("silent"), { ephemeralPorts: true, standInData: largeStandInData(sizes) });
  await seedLarge((sql, params) => hub.db.dataSource.query(sql, params), sizes, (line) => process.stdout.write(`  seed: ${line}\n`));
  const subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, hub.subgraphs[name].url])) as Record<SubgraphName, string>;
  const hiveOptions = { subgraphUrls, verifier: await tokenVerifier(config), limits: config.limits, proofKey: config.gatewayProof.signingKey };
  const hive = await serveHiveGateway(hiveOptions);
  const hiveRust = await serveHiveGateway({ ...hiveOptions, planner: "rust" });
  const tokens = await Promise.all(
    Array.from({ length: USERS }, (_, i) =>
      signDevToken(config.auth, { subject: `bench-pankhurst-${i}`, organisation: OrganisationCode.PANKHURST, roles: [Role.CASEWORKER], purpose: Purpose.SUPPORT }),
    ),
  );
  process.on("message", (call: { id: number; method: "stop" | "memory" }) => {
    if (call.method === "memory") return process.send?.({ id: call.id, result: process.memoryUsage() });
    void Promise.all([hive.close(), hiveRust.close()])
      .then(() => hub.close())
      .then(() => {
        process.send?.({ id: call.id, result: true });
        process.exit(0);
      });
  });
  const ready: GatewaysReady = { apollo: hub.url, hive: hive.url, hiveRust: hiveRust.url, tokens, store: hub.db.embedded ? "PGlite (embedded)" : "PostgreSQL server" };
  process.send?.({ ready });
}

main().catch((error: unknown) => {
  process.stderr.write(`gateways bench hub failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
