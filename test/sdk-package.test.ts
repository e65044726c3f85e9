import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const ROOT = join(__dirname, "..");

/**
 * The SDK as a partner app in another repository gets it: `npm pack` of
 * src/sdk (which builds it), unpacked into a fresh project's node_modules,
 * required and type-checked from there, with nothing of this repository's
 * source in reach.
 */
describe("the SDK as a package", () => {
  let project: string;
  beforeAll(async () => {
    project = mkdtempSync(join(tmpdir(), "casebridge-sdk-consumer-"));
    const { stdout } = await run("npm", ["pack", "--pack-destination", project, "--json"], { cwd: join(ROOT, "src", "sdk") });
    const [{ filename }] = JSON.parse(stdout) as { filename: string }[];
    const installed = join(project, "node_modules", "@casebridge", "sdk");
    mkdirSync(installed, { recursive: true });
    await run("tar", ["-xzf", join(project, filename), "-C", installed, "--strip-components=1"]);
    // Its dependencies, as npm would install them beside it.
    for (const dependency of ["graphql", "@graphql-typed-document-node"]) {
      symlinkSync(join(ROOT, "node_modules", dependency), join(project, "node_modules", dependency), "dir");
    }
  }, 120_000);
  afterAll(() => {
    rmSync(project, { recursive: true, force: true });
    rmSync(join(ROOT, "src", "sdk", "dist"), { recursive: true, force: true });
  });

  it("holds the built SDK and its package.json, and no TypeScript source", () => {
    const files = readdirSync(join(project, "node_modules", "@casebridge", "sdk"), { recursive: true }).map(String).sort();
    expect(files).toEqual(expect.arrayContaining(["package.json", join("dist", "index.js"), join("dist", "index.d.ts"), join("dist", "generated", "persisted-documents.json")]));
    expect(files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual([]);
  });

  it("is required by its name, exposes the client, documents and errors, and nothing past its exports", async () => {
    const script = `
      const sdk = require("@casebridge/sdk");
      const persisted = require("@casebridge/sdk/persisted-documents.json");
      let sealed = false;
      try { require("@casebridge/sdk/dist/client.js"); } catch (e) { sealed = e.code === "ERR_PACKAGE_PATH_NOT_EXPORTED"; }
      console.log(JSON.stringify({
        createClient: typeof sdk.createClient,
        caseViewPersisted: Boolean(persisted[sdk.CaseViewDocument.__meta__.hash]),
        denyReasons: sdk.DENY_REASONS.length > 0,
        sealed,
      }));`;
    const { stdout } = await run(process.execPath, ["-e", script], { cwd: project });
    expect(JSON.parse(stdout)).toEqual({ createClient: "function", caseViewPersisted: true, denyReasons: true, sealed: true });
  }, 30_000);

  it("type-checks a consumer's code against its declarations", async () => {
    writeFileSync(
      join(project, "consumer.ts"),
      `import { createClient, CaseViewDocument, type CasebridgeErrorCode } from "@casebridge/sdk";
       const client = createClient({ url: "http://localhost:4000/graphql" });
       const code: CasebridgeErrorCode = "FORBIDDEN";
       export const ready = [client, CaseViewDocument, code];\n`,
    );
    writeFileSync(join(project, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, module: "node16", moduleResolution: "node16", target: "ES2022", lib: ["ES2022", "DOM"], noEmit: true, types: [] }, files: ["consumer.ts"] }));
    const checked = await run(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", project], { cwd: project }).then(
      () => "",
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    expect(checked).toBe("");
    // And it would fail on a misuse: the declarations are real, not `any`.
    writeFileSync(join(project, "consumer.ts"), `import { type CasebridgeErrorCode } from "@casebridge/sdk";\nexport const code: CasebridgeErrorCode = "NOT_A_CODE";\n`);
    const misuse = await run(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", project], { cwd: project }).then(
      () => "",
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    expect(misuse).toMatch(/NOT_A_CODE/);
  }, 60_000);
});
