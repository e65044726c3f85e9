import { mkdirSync, openSync, readFileSync, unlinkSync, writeSync, closeSync } from "node:fs";
import { join } from "node:path";

/**
 * One process at a time in a PGlite data directory. PGlite is PostgreSQL
 * run inside the process that opens it, with no server to arbitrate: two
 * processes writing the same files (a second `npm start`, or a tool run
 * beside the hub) corrupt the store without a word. So whoever opens it
 * leaves a lock file holding its pid; another finding that pid alive
 * refuses, and one finding it dead (a process that crashed) takes the lock
 * over.
 */
export const LOCK_FILE = "casebridge.lock";

export class DataDirectoryInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      ownerPid === process.pid
        ? `PGLITE_DATA_DIR ${dataDir} is already open in this process; close it before opening it again`
        : `PGLITE_DATA_DIR ${dataDir} is in use by process ${ownerPid} (${join(dataDir, LOCK_FILE)}). ` +
            `An embedded store serves one process at a time: stop that process, or point this one at the same store through a PostgreSQL server (DATABASE_URL). ` +
            `If no Casebridge process is running as ${ownerPid}, delete the lock file.`,
    );
    this.name = "DataDirectoryInUseError";
  }
}

export interface DataDirectoryLock {
  /** Set where a lock left by a process that is gone was taken over. */
  staleOwnerPid?: number;
  release(): void;
}

/** Whether a process with this pid exists (EPERM: it does, under another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function lockDataDirectory(dataDir: string): DataDirectoryLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  let staleOwnerPid: number | undefined;
  // Two tries: the second after removing a lock whose owner is gone. "wx" creates it only if absent, so two starters cannot both win.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return {
        staleOwnerPid,
        release() {
          // Only our own lock: never one another process took over after us.
          if (ownerOf(path) === process.pid) unlinkSync(path);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = ownerOf(path);
      if (owner !== undefined && alive(owner)) throw new DataDirectoryInUseError(dataDir, owner);
      staleOwnerPid = owner;
      try {
        unlinkSync(path);
      } catch (removal) {
        if ((removal as NodeJS.ErrnoException).code !== "ENOENT") throw removal;
      }
    }
  }
  throw new DataDirectoryInUseError(dataDir, ownerOf(path) ?? -1);
}

function ownerOf(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, "utf8").trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
