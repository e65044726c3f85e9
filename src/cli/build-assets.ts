import { cpSync, readdirSync, statSync } from "node:fs";
import { extname, join, relative } from "node:path";

/**
 * `npm run build`, after tsc: copies into dist/ the files the compiled code
 * reads at run time beside itself (`__dirname`): the committed schema, the
 * persisted operations, bank holidays, agreements, the explorer's assets,
 * the partner stand-ins' SQL and Hourglass's fixture returns. Everything
 * under src/ and connectors/ that is not TypeScript or a Markdown note goes,
 * so a new data file needs no entry here.
 */
const ROOT = join(__dirname, "..", "..");
const OUT = join(ROOT, "dist");

function copyData(dir: string): number {
  let copied = 0;
  for (const entry of readdirSync(join(ROOT, dir))) {
    const path = join(dir, entry);
    if (statSync(join(ROOT, path)).isDirectory()) {
      copied += copyData(path);
    } else if (![".ts", ".md"].includes(extname(entry)) && !entry.startsWith(".")) {
      cpSync(join(ROOT, path), join(OUT, path));
      copied += 1;
    }
  }
  return copied;
}

const copied = ["src", "connectors", "schema"].reduce((sum, dir) => sum + copyData(dir), 0);
process.stdout.write(`copied ${copied} data files into ${relative(process.cwd(), OUT) || "."}\n`);
