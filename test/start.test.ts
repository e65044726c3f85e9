import { ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { signDevToken } from "../src/platform/auth";
import { loadConfig } from "../src/platform/config";
import { OrganisationCode } from "../src/platform/domain";
import { Purpose, Role } from "../src/platform/principal";
import { graphql } from "./support/hub";

/** `npm start` as a fresh clone runs it: embedded PGlite, synthetic seed, every piece in one process. */
describe("npm start", () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
  });

  it("migrates, seeds, prints the URL and answers a federated query; stops cleanly on SIGTERM", async () => {
    const devKeyFile = join(mkdtempSync(join(tmpdir(), "casebridge-keys-")), "dev-keys.json");
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "development", LOG_LEVEL: "warn", PORT: "0", DEV_KEY_FILE: devKeyFile };
    for (const name of ["POLICE", "VICTIMS", "PARTNERS", "GOVERNANCE", "INSIGHTS"]) env[`${name}_PORT`] = "0";
    delete env.DATABASE_URL;
    delete env.PGLITE_DATA_DIR;
    const started = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", "src/main.ts"], {
      cwd: join(__dirname, ".."),
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = started;
    let stderr = "";
    started.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      let stdout = "";
      started.stdout?.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /Casebridge is ready: (http:\/\/localhost:\d+\/graphql)/.exec(stdout);
        if (match?.[1]) resolve(match[1]);
      });
      started.once("exit", (code) => reject(new Error(`exited with ${code} before it was ready: ${stderr}`)));
    });

    // The same key file the hub made: as `npm run token` would sign.
    const token = await signDevToken(loadConfig({ DEV_KEY_FILE: devKeyFile }).auth, {
      subject: "test-gmvs",
      organisation: OrganisationCode.GMVS,
      roles: [Role.CASEWORKER],
      purpose: Purpose.SUPPORT,
    });
    const { body } = await graphql<{ case: { crime: { offenceDescription: string } } }>(
      url,
      `{ case(id: "5eed0000-0000-4000-8000-000000000001") { caseReference crime { offenceDescription } } }`,
      {},
      { authorization: `Bearer ${token}` },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.case.crime.offenceDescription).toBe("Stalking");

    // No CORS_ORIGINS: a browser's preflight is answered (204, not a GraphQL 4xx) with nothing that allows it.
    const preflight = await fetch(url, { method: "OPTIONS", headers: { origin: "https://casework.example", "access-control-request-method": "POST" } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    expect(preflight.headers.get("vary")).toBeNull();

    // Every evidence-base example in the README gives a commissioner figures, under disclosure control.
    const commissioner = {
      authorization: `Bearer ${await signDevToken(loadConfig({ DEV_KEY_FILE: devKeyFile }).auth, {
        subject: "test-gmca",
        organisation: OrganisationCode.GMCA,
        roles: [Role.COMMISSIONER],
        purpose: Purpose.COMMISSIONING,
      })}`,
    };
    // The first refresh runs at start, in the background: wait for it as a reader would.
    for (let tries = 0; ; tries++) {
      const { body: last } = await graphql<{ lastRefresh: { status: string } | null }>(url, `{ lastRefresh { status } }`, {}, commissioner);
      if (last.data?.lastRefresh?.status === "FINISHED") break;
      if (tries > 120) throw new Error(`the first refresh did not finish: ${JSON.stringify(last)}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const readme = readFileSync(join(__dirname, "..", "README.md"), "utf8");
    const queries = [...readme.matchAll(/"(\{ evidenceBase\([^"]*)"/g)].map((m) => m[1] as string);
    const csvs = [...readme.matchAll(/'localhost:4000(\/evidence-base\.csv\?[^']+)'/g)].map((m) => m[1] as string);
    expect(queries.length + csvs.length).toBeGreaterThanOrEqual(2);
    for (const query of queries) {
      const { body: answer } = await graphql<{ evidenceBase: { cells: { count: { value: number | null } }[]; footnotes: string[] } }>(url, query, {}, commissioner);
      expect([query, answer.errors]).toEqual([query, undefined]);
      const shown = answer.data?.evidenceBase.cells.filter((c) => (c.count.value ?? 0) > 0) ?? [];
      expect([query, shown.length > 3]).toEqual([query, true]);
      expect(answer.data?.evidenceBase.footnotes.join(" ")).toMatch(/cell-key method/);
    }
    for (const path of csvs) {
      const csv = await fetch(new URL(path, url), { headers: commissioner });
      expect([path, csv.status]).toEqual([path, 200]);
      const text = await csv.text();
      expect([path, /,[1-9]\d*,/.test(text), text.includes("cell-key method")]).toEqual([path, true, true]);
    }

    const exit = new Promise<number | null>((resolve) => started.once("exit", (code) => resolve(code)));
    started.kill("SIGTERM");
    expect(await exit).toBe(0);
  });

  it("refuses to start on bad configuration, naming the variable", async () => {
    const failed = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", "src/main.ts"], {
      cwd: join(__dirname, ".."),
      env: { ...process.env, PORT: "not-a-port" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = failed;
    let stderr = "";
    failed.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => failed.once("exit", resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(/Invalid configuration:\n\s+- PORT:/);
  });
});
