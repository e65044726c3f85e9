import "reflect-metadata";
import { loadPoliceUkCsv } from "../../connectors/police/policeuk/load";
import { entitiesOf } from "../hub";
import { loadConfig, SUBGRAPH_NAMES } from "../platform/config";
import { migrate, openDatabase } from "../platform/database";
import { SqlPoliceUkRowStore } from "../subgraphs/insights/police-uk/police-uk.store";
import { CommandIo, runCommand } from "./command";

/**
 * `npm run import:policeuk -- <file.csv> [...]`: loads police.uk street-level
 * CSVs into the insights schema for area demand (the areaDemand query).
 * Reports, per file, rows accepted, duplicates (already loaded: a re-import
 * adds nothing twice) and each rejected row by line number and reason. Exits
 * 1 if a file cannot be read; rejected rows alone are a report, not a failure.
 */
export async function main(files: readonly string[], io: CommandIo): Promise<number> {
  if (files.length === 0) {
    io.stderr.write("usage: npm run import:policeuk -- <street.csv> [...]\n");
    return 2;
  }
  const config = loadConfig(io.env);
  if (!config.databaseUrl && !config.pgliteDataDir) {
    io.stderr.write("Set DATABASE_URL (or PGLITE_DATA_DIR) to the store to import into.\n");
    return 2;
  }
  const db = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDataDir: config.pgliteDataDir, entities: entitiesOf(SUBGRAPH_NAMES) });
  try {
    await migrate(db);
    for (const file of files) {
      const { report } = await loadPoliceUkCsv(file, new SqlPoliceUkRowStore(db.dataSource, file));
      io.stdout.write(`${file}: ${report.accepted} accepted, ${report.duplicates} duplicates, ${report.rejected.length} rejected\n`);
      for (const row of report.rejected) io.stdout.write(`  line ${row.line}: ${row.reason}\n`);
    }
    return 0;
  } finally {
    await db.close();
  }
}

if (require.main === module) runCommand(main, "police.uk import failed: ");
