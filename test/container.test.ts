import { ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { AddressInfo, createServer } from "node:net";
import { Client } from "pg";
import { parse } from "yaml";
import { signDevToken } from "../src/platform/auth";
import { loadConfig } from "../src/platform/config";
import { OrganisationCode } from "../src/platform/domain";
import { Principal, Purpose, Role } from "../src/platform/principal";
import { SYNTHETIC_CASE_IDS } from "../src/platform/synthetic";
import { createTestStore, TestStore, testServerUrl } from "./support/store";

/**
 * The image and docker-compose.yml, without a Docker engine: the Dockerfile
 * and compose file read statically, then the hub built as the image builds
 * it (`npm run build`, once) and run as the image runs it (`node
 * dist/src/main.js`, production settings, PGlite in a data directory),
 * stopped with SIGTERM as `docker stop` stops it.
 */
const ROOT = join(__dirname, "..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string>; scripts: Record<string, string> };

interface Instruction {
  keyword: string;
  args: string;
}
interface Stage {
  from: string;
  instructions: Instruction[];
}

/** Dockerfile instructions by stage, continuation lines joined, comments dropped. */
function stagesOf(dockerfile: string): Stage[] {
  const stages: Stage[] = [];
  const logical = dockerfile
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));
  for (const line of logical) {
    const [, keyword, args] = /^(\S+)\s+(.*)$/.exec(line) ?? [];
    if (keyword?.toUpperCase() === "FROM") stages.push({ from: args, instructions: [] });
    else stages.at(-1)?.instructions.push({ keyword: keyword.toUpperCase(), args });
  }
  return stages;
}

const stages = stagesOf(readFileSync(join(ROOT, "Dockerfile"), "utf8"));
const runtime = stages.at(-1)!;
const build = stages[0];
const all = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);
const runtimeEnv = Object.fromEntries(all(runtime, "ENV").flatMap((args) => [...args.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1], m[2]])));

interface Service {
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  healthcheck?: { test?: string[]; disable?: boolean };
}
const compose = parse(readFileSync(join(ROOT, "docker-compose.yml"), "utf8"), { merge: true }) as { services: Record<string, Service>; volumes: Record<string, unknown> };
const hubServices = Object.entries(compose.services).filter(([, service]) => service.build !== undefined);

/** Every package the compiled entry points can require, walking dist/'s own files. */
function packagesRequiredFrom(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, specifier] of readFileSync(file, "utf8").matchAll(/require\("([^"]+)"\)/g)) {
      if (specifier.startsWith(".")) {
        const target = resolve(dirname(file), specifier);
        const candidates = [target, `${target}.js`, join(target, "index.js")];
        const found = candidates.find((c) => existsSync(c) && c.endsWith(".js"));
        if (found) visit(found);
        else if (!target.endsWith(".json")) throw new Error(`${file} requires ${specifier}, which dist/ lacks`);
      } else if (!specifier.startsWith("node:") && !builtinModules.includes(specifier)) {
        packages.add(specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]);
      }
    }
  };
  entries.forEach(visit);
  return packages;
}

beforeAll(() => {
  // Once for the file, exactly as the image's build stage runs it.
  execFileSync("npm", ["run", "-s", "build"], { cwd: ROOT, stdio: "pipe" });
}, 180_000);

describe("Dockerfile", () => {
  it("builds with dev dependencies in one stage and runs with production dependencies and dist/ only", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(build.from).toMatch(/ AS build$/i);
    expect(all(build, "RUN")).toEqual(expect.arrayContaining(["npm ci", "npm run build"]));
    expect(all(runtime, "RUN").some((run) => /^npm ci --omit=dev\b/.test(run))).toBe(true);
    expect(all(runtime, "COPY")).toContain("--from=build /app/dist ./dist");
    // Nothing of the sources reaches the runtime stage: only what the build stage made.
    expect(all(runtime, "COPY").filter((copy) => !copy.startsWith("--from=build")).every((copy) => /^package\.json package-lock\.json /.test(copy))).toBe(true);
  });

  it("runs node itself as PID 1 (exec form), as the unprivileged node user, on the built entry point", () => {
    const [cmd] = all(runtime, "CMD");
    const command = JSON.parse(cmd) as string[];
    expect(command).toEqual(["node", "dist/src/main.js"]);
    expect(pkg.scripts["start:dist"]).toBe(command.join(" "));
    expect(existsSync(join(ROOT, command[1]))).toBe(true);
    expect(all(runtime, "ENTRYPOINT")).toEqual([]);
    expect(all(runtime, "USER")).toEqual(["node"]);
    // USER comes last but CMD and HEALTHCHECK: nothing after it needs root.
    const keywords = runtime.instructions.map((i) => i.keyword);
    expect(keywords.slice(keywords.indexOf("USER") + 1).every((k) => ["CMD", "HEALTHCHECK", "EXPOSE"].includes(k))).toBe(true);
  });

  it("gives the node user the volumes it writes: the embedded store's data and the dev key pair", () => {
    const volumes = JSON.parse(all(runtime, "VOLUME")[0]) as string[];
    expect(volumes.sort()).toEqual(["/data", "/keys"]);
    expect(runtimeEnv.PGLITE_DATA_DIR).toBe("/data");
    expect(runtimeEnv.DEV_KEY_FILE).toMatch(/^\/keys\//);
    const chown = all(runtime, "RUN").find((run) => run.includes("chown"));
    expect(chown).toMatch(/chown node:node \/data \/keys/);
    expect(runtimeEnv.HOST).toBe("0.0.0.0");
    expect(runtimeEnv.NODE_ENV).toBe("production");
  });

  it("checks health on /readyz, which every server of the hub answers", () => {
    const [healthcheck] = all(runtime, "HEALTHCHECK");
    const command = JSON.parse(healthcheck.replace(/^.*?CMD\s+/, "")) as string[];
    expect(command.slice(0, 2)).toEqual(["node", "-e"]);
    expect(command[2]).toContain("/readyz");
    expect(readFileSync(join(ROOT, "src", "platform", "http.ts"), "utf8")).toContain('app.get("/readyz"');
  });

  it("needs at run time only production dependencies, from every program the image runs", () => {
    const entries = ["dist/src/main.js", "dist/src/serve.js", "dist/src/cli/migrate.js"].map((entry) => join(ROOT, entry));
    const missing = [...packagesRequiredFrom(entries)].filter((name) => !(name in pkg.dependencies));
    expect(missing).toEqual([]);
  });

  it("copies the data files the compiled code reads beside itself", () => {
    for (const file of [
      "dist/schema/supergraph.graphql",
      "dist/src/sdk/generated/persisted-documents.json",
      "dist/src/subgraphs/victims/victims-code/data/bank-holidays.json",
      "dist/src/subgraphs/governance/agreements/data/gmvs-to-pankhurst-support.v1.json",
      "dist/src/gateway/explorer/explorer.js",
      "dist/connectors/challenger/schema.sql",
      "dist/connectors/hourglass/schema.sql",
    ]) {
      expect(existsSync(join(ROOT, file))).toBe(true);
    }
  });
});

describe("docker-compose.yml with the image", () => {
  it("runs programs the build made, with node as PID 1", () => {
    expect(hubServices.map(([name]) => name).sort()).toEqual(["gateway", "governance", "insights", "migrate", "migrate-apart", "partners", "police", "victims"]);
    for (const [, service] of hubServices) {
      expect(service.build).toBe(".");
      expect(service.command?.[0]).toBe("node");
      expect(existsSync(join(ROOT, service.command![1]))).toBe(true);
    }
  });

  it("mounts only declared volumes, on the directories the image gives the node user", () => {
    for (const [, service] of hubServices) {
      for (const mount of service.volumes ?? []) {
        const [volume, target] = mount.split(":");
        expect(compose.volumes).toHaveProperty(volume);
        expect(["/data", "/keys"]).toContain(target);
      }
      expect(service.environment?.DEV_KEY_FILE).toMatch(/^\/keys\//);
    }
    expect(compose.services.migrate.healthcheck?.disable).toBe(true);
  });
});

describe("the built hub, run as the image runs it", () => {
  it("starts on PGlite in a data directory, answers /readyz, and exits 0 within seconds of SIGTERM", async () => {
    const scratch = mkdtempSync(join(tmpdir(), "casebridge-image-"));
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      // The image's settings (Dockerfile ENV) and what a production run must add.
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PGLITE_DATA_DIR: join(scratch, "data"),
      DEV_KEY_FILE: join(scratch, "keys", "dev-keys.json"),
      AUTH_DEV_KEYS: "true",
      GATEWAY_SIGNING_KEY: "test-only-gateway-signing-key-000000000000",
      INSIGHTS_PSEUDONYM_KEY: "test-only-insights-pseudonym-key-0000000",
      LOG_LEVEL: "warn",
      // Seeding is start.test.ts's to prove; this proves the image's start and stop.
      SEED: "false",
      PORT: "0",
      POLICE_PORT: "0",
      VICTIMS_PORT: "0",
      PARTNERS_PORT: "0",
      GOVERNANCE_PORT: "0",
      INSIGHTS_PORT: "0",
    };
    const started = spawn(process.execPath, ["dist/src/main.js"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    try {
      let stderr = "";
      started.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const url = await new Promise<string>((ready, reject) => {
        let stdout = "";
        started.stdout.on("data", (chunk: Buffer) => {
          stdout += chunk.toString();
          const match = /Casebridge is ready: (http:\/\/localhost:\d+)\/graphql/.exec(stdout);
          if (match?.[1]) ready(match[1]);
        });
        started.once("exit", (code) => reject(new Error(`exited with ${code} before it was ready: ${stderr}`)));
      });
      const readiness = await fetch(`${url}/readyz`);
      expect(readiness.status).toBe(200);

      const sent = Date.now();
      const exited = new Promise<number | null>((done) => started.once("exit", (code) => done(code)));
      started.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(Date.now() - sent).toBeLessThan(5_000);
    } finally {
      if (started.exitCode === null) started.kill("SIGKILL");
    }
  }, 120_000);
});

/**
 * `npm run serve` as docker-compose runs it: every piece its own process,
 * governance on one PostgreSQL database, police, victims, partners and
 * insights on another that holds nothing of governance's, reaching it only
 * through its interface (GOVERNANCE_URL): the victims' and partners' seeds
 * and writes reach governance as commands from their own outboxes. Needs a
 * PostgreSQL server.
 */
(testServerUrl() ? describe : describe.skip)("the built hub, piece by piece, over two PostgreSQL databases", () => {
  const pieces: ChildProcess[] = [];
  const stores: TestStore[] = [];
  afterAll(async () => {
    await Promise.all(pieces.map((piece) => (piece.exitCode === null ? new Promise((done) => (piece.once("exit", done), piece.kill("SIGTERM"))) : undefined)));
    for (const store of stores) await store.close();
  }, 60_000);

  it("answers, decides and audits through governance's interface, with nothing of governance's in the second database", async () => {
    const [shared, apart] = [await createTestStore(), await createTestStore()];
    stores.push(shared, apart);
    const scratch = mkdtempSync(join(tmpdir(), "casebridge-serve-"));
    const ports = await freePorts(6);
    const [gatewayPort, policePort, victimsPort, partnersPort, governancePort, insightsPort] = ports;
    const url = (port: number) => `http://127.0.0.1:${port}/graphql`;
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      DEV_KEY_FILE: join(scratch, "dev-keys.json"),
      AUTH_DEV_KEYS: "true",
      GATEWAY_SIGNING_KEY: "test-only-gateway-signing-key-000000000000",
      INSIGHTS_PSEUDONYM_KEY: "test-only-insights-pseudonym-key-0000000",
      OPERATIONS_SAFELIST: "false",
      PORT: String(gatewayPort),
      POLICE_PORT: String(policePort),
      VICTIMS_PORT: String(victimsPort),
      PARTNERS_PORT: String(partnersPort),
      GOVERNANCE_PORT: String(governancePort),
      INSIGHTS_PORT: String(insightsPort),
      ...(process.env.TEST_NATS_URL ? { EVENTS_NATS_URL: process.env.TEST_NATS_URL, EVENTS_STREAM: `CASEBRIDGE_SERVE_${process.pid}` } : {}),
    };
    const apartEnv = { DATABASE_URL: apart.databaseUrl, GOVERNANCE_URL: url(governancePort!) };
    // Migrations (and the dev key pair, once) before any piece starts, as compose's jobs do.
    execFileSync(process.execPath, ["dist/src/cli/migrate.js"], { cwd: ROOT, env: { ...env, DATABASE_URL: shared.databaseUrl }, stdio: "pipe" });
    execFileSync(process.execPath, ["dist/src/cli/migrate.js"], { cwd: ROOT, env: { ...env, DATABASE_URL: apart.databaseUrl }, stdio: "pipe" });
    // Ready when its /readyz says so; a piece that exits first fails the test with what it wrote.
    const serve = async (piece: string, port: number, more: NodeJS.ProcessEnv) => {
      const started = spawn(process.execPath, ["dist/src/serve.js", piece], { cwd: ROOT, env: { ...env, ...more }, stdio: ["ignore", "pipe", "pipe"] });
      pieces.push(started);
      let output = "";
      started.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      started.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      for (;;) {
        if (started.exitCode !== null) throw new Error(`${piece} exited with ${started.exitCode} before it was ready: ${output}`);
        const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
        if (ready) return;
        await new Promise((wait) => setTimeout(wait, 250));
      }
    };
    const sharedEnv = { DATABASE_URL: shared.databaseUrl };
    await serve("governance", governancePort!, sharedEnv);
    await Promise.all([serve("victims", victimsPort!, apartEnv), serve("partners", partnersPort!, apartEnv), serve("police", policePort!, apartEnv)]);
    await serve("insights", insightsPort!, { ...apartEnv, VICTIMS_URL: url(victimsPort!), PARTNERS_URL: url(partnersPort!) });
    await serve("gateway", gatewayPort!, { POLICE_URL: url(policePort!), VICTIMS_URL: url(victimsPort!), PARTNERS_URL: url(partnersPort!), GOVERNANCE_URL: url(governancePort!), INSIGHTS_URL: url(insightsPort!) });

    const config = loadConfig({ ...env, DATABASE_URL: shared.databaseUrl } as Record<string, string>);
    const as = async (principal: Pick<Principal, "organisation"> & Partial<Principal>) => ({
      authorization: `Bearer ${await signDevToken(config.auth, { subject: "serve-test", roles: [Role.CASEWORKER], purpose: Purpose.SUPPORT, ...principal })}`,
    });
    const ask = async (query: string, variables: Record<string, unknown>, headers: Record<string, string>) =>
      (await fetch(`http://127.0.0.1:${gatewayPort}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) })).json() as Promise<{
        data?: Record<string, unknown> | null;
        errors?: { extensions?: Record<string, unknown> }[];
      }>;

    // Client M's Restore advocate: her consent and relationship are governance's, in the other database.
    const advocate = await ask(
      `query($id: ID!) { case(id: $id) { crime { updates { id } stalkingTriage { risk } } } }`,
      { id: SYNTHETIC_CASE_IDS.clientM },
      await as({ organisation: OrganisationCode.PANKHURST, subject: "advocate-a7" }),
    );
    expect(((advocate.data?.case as { crime: { updates: unknown[] } }).crime.updates).length).toBeGreaterThan(0);
    expect(advocate.errors?.map((e) => e.extensions?.reason)).toEqual(["NO_AGREEMENT"]);
    const analyst = await ask(`{ evidenceBase(measure: REFERRALS, by: [BOROUGH]) { measure } }`, {}, await as({ organisation: OrganisationCode.GMCA, roles: [Role.ANALYST], purpose: Purpose.COMMISSIONING }));
    expect(analyst).toEqual({ data: { evidenceBase: { measure: "REFERRALS" } } });

    /** One number from a store, read with a client of the test's own. */
    const countIn = async (store: TestStore, sql: string) => {
      const client = new Client({ connectionString: store.databaseUrl });
      await client.connect();
      try {
        return Number((await client.query<{ n: string }>(sql)).rows[0]!.n);
      } finally {
        await client.end();
      }
    };
    // GMP refers a victim to GMVS: the case is the victims' (second database); its subject, GMVS's relationship and the audit of the referral are governance's.
    const referred = await ask(
      `mutation($input: PoliceReferralInput!) { receivePoliceReferral(input: $input) { caseId } }`,
      {
        input: {
          crimeReference: "SYN/000900/26",
          crimeReportedAt: new Date(Date.now() - 3_600_000).toISOString(),
          victimOptedOut: false,
          policeVictimRef: "SYN-VICTIM-SERVE",
          victim: { familyName: "Serve-Apart" },
          borough: "MANCHESTER",
          thematicLead: "GENERAL",
          enhancedRights: [],
        },
      },
      await as({ organisation: OrganisationCode.GMP, subject: "officer-serve" }),
    );
    const caseId = (referred.data?.receivePoliceReferral as { caseId: string }).caseId;
    expect(await countIn(apart, `SELECT count(*) AS n FROM victims."case" WHERE id = '${caseId}'`)).toBe(1);
    expect(await countIn(shared, `SELECT count(*) AS n FROM governance.subject_link WHERE system = 'gmvs-case' AND local_ref = '${caseId}'`)).toBe(1);
    expect(await countIn(shared, `SELECT count(*) AS n FROM governance.relationship WHERE organisation = 'GMVS' AND source_ref = '${caseId}' AND closed_at IS NULL`)).toBe(1);
    expect(await countIn(shared, `SELECT count(*) AS n FROM governance.audit_event WHERE reason = 'POLICE_REFERRAL_RECEIVED' AND actor = 'officer-serve'`)).toBe(1);
    // Every command the victims and partners wrote (their seeds', the referral's) was applied (or found applied already), none refused.
    expect(await countIn(apart, `SELECT count(*) AS n FROM victims.governance_command WHERE applied_at IS NULL OR outcome NOT IN ('applied', 'duplicate')`)).toBe(0);
    expect(await countIn(apart, `SELECT count(*) AS n FROM partners.governance_command WHERE applied_at IS NULL OR outcome NOT IN ('applied', 'duplicate')`)).toBe(0);
    expect(await countIn(apart, `SELECT count(*) AS n FROM victims.governance_command`)).toBeGreaterThan(0);

    // The police subgraph's releases and refusals are in governance's chain; nothing of governance's is in the second database.
    expect(await countIn(shared, `SELECT count(*) AS n FROM governance.audit_event WHERE category = 'INVESTIGATION_UPDATES' AND organisation = 'PANKHURST' AND decision = 'ALLOW'`)).toBeGreaterThan(0);
    expect(await countIn(apart, `SELECT count(*) AS n FROM governance.audit_event`)).toBe(0);
    expect(
      await countIn(
        apart,
        `SELECT (SELECT count(*) FROM governance.data_sharing_agreement) + (SELECT count(*) FROM governance.consent) + (SELECT count(*) FROM governance.relationship) + (SELECT count(*) FROM governance.subject_link) AS n`,
      ),
    ).toBe(0);
  }, 240_000);
});

/** Ports free on loopback now, each found by listening on port 0 and letting go. */
async function freePorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < count) {
    const port = await new Promise<number>((found, failed) => {
      const server = createServer();
      server.once("error", failed);
      server.listen(0, "127.0.0.1", () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => found(port));
      });
    });
    if (!ports.includes(port)) ports.push(port);
  }
  return ports;
}
