import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { GENERATED_DIR } from "../../codegen";

export const ROOT = join(__dirname, "..", "..");

/**
 * Runs `npm run codegen` without writing anything: every generated file (path
 * relative to the repo root) and its content. `documents` replaces the
 * operations read (e.g. a changed copy, to show the staleness check bites).
 *
 * Codegen runs in a child process: its CLI package loads yargs, an ES module
 * that Node requires natively but jest's module loader cannot.
 */
export async function renderSdk(options: { documents?: string[] } = {}): Promise<Record<string, string>> {
  const args = ["-r", "ts-node/register/transpile-only", join(ROOT, "src", "cli", "codegen.ts"), "--render", ...(options.documents ?? []).flatMap((d) => ["--documents", d])];
  const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as Record<string, string>;
}

/**
 * The generated SDK files that differ from what codegen produces now, are
 * missing, or are left over from an operation that no longer exists.
 * `dir` stands for the committed src/sdk/generated (tests pass a copy).
 */
export function staleSdkFiles(rendered: Record<string, string>, dir: string = join(ROOT, GENERATED_DIR)): string[] {
  const stale = new Set<string>();
  for (const [path, content] of Object.entries(rendered)) {
    const onDisk = join(dir, relative(GENERATED_DIR, path));
    if (!existsSync(onDisk) || readFileSync(onDisk, "utf8") !== content) stale.add(path);
  }
  const expected = new Set(Object.keys(rendered).map((path) => relative(GENERATED_DIR, path)));
  if (existsSync(dir)) {
    for (const name of readdirSync(dir)) if (!expected.has(name)) stale.add(join(GENERATED_DIR, name));
  }
  return [...stale].sort();
}
