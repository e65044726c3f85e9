import { ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { mkdtempSync } from "node:fs";
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
