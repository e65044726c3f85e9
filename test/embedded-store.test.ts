import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataDirectoryInUseError, LOCK_FILE, lockDataDirectory } from "../src/platform/data-dir-lock";
import { openDatabase } from "../src/platform/database";

/**
 * PGlite's data directory (PGLITE_DATA_DIR) serves one process at a time,
 * and the tools that need a store refuse to run without one rather than
 * work on a throwaway in-memory store. PGlite whatever TEST_DATABASE_URL
 * says: this is about the embedded store.
 */

const dataDir = () => join(mkdtempSync(join(tmpdir(), "casebridge-data-")), "pglite");

/** A pid no process has: a child's, once it has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
  return Number(child.stdout.toString());
}

describe("an embedded store's data directory", () => {
  it("is refused to a second process while the first holds it, naming that process and what to do", () => {
    const dir = dataDir();
    // The parent of this test process is alive and is not this process: another owner.
    lockDataDirectory(dir);
    writeFileSync(join(dir, LOCK_FILE), `${process.ppid}\n`);
    expect(() => lockDataDirectory(dir)).toThrow(DataDirectoryInUseError);
    expect(() => lockDataDirectory(dir)).toThrow(new RegExp(`is in use by process ${process.ppid} .*DATABASE_URL.*delete the lock file`));
    expect(readFileSync(join(dir, LOCK_FILE), "utf8").trim()).toBe(String(process.ppid));
  });

  it("takes over the lock of a process that is gone, refuses a second open while open, and frees the directory on close", async () => {
    const dir = dataDir();
    const gone = deadPid();
    lockDataDirectory(dir);
    writeFileSync(join(dir, LOCK_FILE), `${gone}\n`);
    const warnings: unknown[] = [];
    const logger = { warn: (fields: unknown) => warnings.push(fields) } as unknown as Parameters<typeof openDatabase>[0]["logger"];

    const db = await openDatabase({ pgliteDataDir: dir, entities: [], logger });
    try {
      expect(readFileSync(join(dir, LOCK_FILE), "utf8").trim()).toBe(String(process.pid));
      expect(warnings).toEqual([expect.objectContaining({ stalePid: gone })]);
      await expect(openDatabase({ pgliteDataDir: dir, entities: [] })).rejects.toThrow(/is already open in this process/);
      // Still ours after the refused attempt.
      expect(readFileSync(join(dir, LOCK_FILE), "utf8").trim()).toBe(String(process.pid));
    } finally {
      await db.close();
    }
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });
});

describe("npm run migrate", () => {
  it("refuses, with what to set and a non-zero exit, when there is no store to migrate", async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "development" };
    delete env.DATABASE_URL;
    delete env.PGLITE_DATA_DIR;
    const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", "src/cli/migrate.ts"], { cwd: join(__dirname, ".."), env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(2);
    expect(stderr).toMatch(/nothing to migrate: set DATABASE_URL .* or PGLITE_DATA_DIR/);
    expect(stdout).not.toMatch(/applied|no pending migrations/);
  });
});
