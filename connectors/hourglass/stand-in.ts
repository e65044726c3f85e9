import { join } from "node:path";
import { startEmbeddedDatabase } from "../sql/embedded";
import { SqlStandInMode, SqlStandInProxy } from "../sql/stand-in-proxy";

/**
 * The local stand-in for Hourglass: its monthly returns are the synthetic
 * CSV files in fixtures/ (bad rows included), landed in a database of their
 * own, an in-process PGlite behind a SqlStandInProxy. Hourglass has no live
 * link to fail, but the hub's landing store does: taking the proxy down is
 * how tests make Hourglass's data unavailable, as a lost landing database
 * would in a deployment.
 */

export const HOURGLASS_FIXTURES = join(__dirname, "fixtures");

export interface RunningHourglassStandIn {
  /** The directory the returns arrive in. */
  returnsDir: string;
  /** The landing database, through the proxy. */
  databaseUrl: string;
  setMode(mode: SqlStandInMode, options?: { delayMs?: number }): void;
  /** SQL statements the landing database has received. */
  statementCount(): number;
  close(): Promise<void>;
}

export async function startHourglassStandIn(options: { returnsDir?: string } = {}): Promise<RunningHourglassStandIn> {
  const database = await startEmbeddedDatabase();
  const proxy = new SqlStandInProxy(database.url);
  const running = await proxy.start().catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  return {
    returnsDir: options.returnsDir ?? HOURGLASS_FIXTURES,
    databaseUrl: running.url,
    setMode: (mode, modeOptions) => proxy.setMode(mode, modeOptions),
    statementCount: () => proxy.statementCount(),
    async close() {
      await running.close();
      await database.close();
    },
  };
}
