import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  Checkpoint,
  encodeAuditBatch,
  JsonValue,
  leafHash,
  LogVerifierKey,
  openCheckpoint,
  parseVerifierKey,
  readConsistencyProof,
  readInclusionProof,
  verifyConsistency,
  verifyInclusion,
} from "../platform/transparency-log";
import { CommandIo, runCommand } from "./command";

const USAGE = `usage:
  npm run audit:proof -- verify-inclusion --checkpoint FILE --proof FILE --events FILE --public-key FILE
  npm run audit:proof -- verify-consistency --old-checkpoint FILE --new-checkpoint FILE --proof FILE --public-key FILE
Exit code 0: the proof holds. 1: it does not, and why. 2: the command was not used as above.`;

const VALID = 0;
const INVALID = 1;
const USAGE_ERROR = 2;

/** Something that stops the check, with the exit code it ends with. */
class Stop extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

function readText(flag: string, path: string | undefined): string {
  if (!path) throw new Stop(USAGE_ERROR, `${flag} FILE is required`);
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new Stop(USAGE_ERROR, `cannot read ${flag} ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function readJson(flag: string, path: string | undefined): unknown {
  const text = readText(flag, path);
  try {
    return JSON.parse(text);
  } catch {
    throw new Stop(INVALID, `${flag} ${path} is not JSON`);
  }
}

function verifierKey(path: string | undefined): LogVerifierKey {
  const text = readText("--public-key", path);
  try {
    return parseVerifierKey(text);
  } catch (error) {
    throw new Stop(USAGE_ERROR, `--public-key ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function checkpoint(flag: string, path: string | undefined, key: LogVerifierKey): Checkpoint {
  const verdict = openCheckpoint(readText(flag, path), key);
  if (!verdict.valid) throw new Stop(INVALID, `${flag} ${path}: ${verdict.reason}`);
  return verdict.checkpoint;
}

const when = (c: Checkpoint): string => new Date(c.timestamp).toISOString();

function verifyInclusionCommand(values: Record<string, string | undefined>): string {
  const key = verifierKey(values["public-key"]);
  const head = checkpoint("--checkpoint", values.checkpoint, key);
  const proof = readInclusionProof(readJson("--proof", values.proof));
  if (typeof proof === "string") throw new Stop(INVALID, `--proof ${values.proof}: ${proof}`);
  if (proof.treeSize !== head.treeSize) throw new Stop(INVALID, `the proof is for a tree of ${proof.treeSize} leaves; the checkpoint signs ${head.treeSize}`);
  const events = readJson("--events", values.events);
  if (!Array.isArray(events) || events.length === 0) throw new Stop(INVALID, `--events ${values.events} is not a JSON array of the batch's events`);
  let leaf: Uint8Array;
  try {
    leaf = encodeAuditBatch(events as JsonValue[]);
  } catch (error) {
    throw new Stop(INVALID, `--events ${values.events}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const verdict = verifyInclusion(proof.leafIndex, proof.treeSize, leafHash(leaf), proof.hashes, head.rootHash);
  if (!verdict.valid) throw new Stop(INVALID, `these events are not leaf ${proof.leafIndex} of the checkpoint's tree: ${verdict.reason}`);
  return `valid: these ${events.length} events are leaf ${proof.leafIndex} of ${head.origin} at ${head.treeSize} leaves (checkpoint of ${when(head)})`;
}

function verifyConsistencyCommand(values: Record<string, string | undefined>): string {
  const key = verifierKey(values["public-key"]);
  const older = checkpoint("--old-checkpoint", values["old-checkpoint"], key);
  const newer = checkpoint("--new-checkpoint", values["new-checkpoint"], key);
  const proof = readConsistencyProof(readJson("--proof", values.proof));
  if (typeof proof === "string") throw new Stop(INVALID, `--proof ${values.proof}: ${proof}`);
  if (proof.oldSize !== older.treeSize || proof.newSize !== newer.treeSize) {
    throw new Stop(INVALID, `the proof is from ${proof.oldSize} to ${proof.newSize} leaves; the checkpoints sign ${older.treeSize} and ${newer.treeSize}`);
  }
  const verdict = verifyConsistency(older.treeSize, newer.treeSize, older.rootHash, newer.rootHash, proof.hashes);
  if (!verdict.valid) throw new Stop(INVALID, `the newer checkpoint does not extend the older: ${verdict.reason}`);
  return `valid: ${newer.origin} at ${newer.treeSize} leaves (${when(newer)}) keeps every leaf it had at ${older.treeSize} (${when(older)})`;
}

const SUBCOMMANDS: Record<string, { flags: readonly string[]; run: (values: Record<string, string | undefined>) => string }> = {
  "verify-inclusion": { flags: ["checkpoint", "proof", "events", "public-key"], run: verifyInclusionCommand },
  "verify-consistency": { flags: ["old-checkpoint", "new-checkpoint", "proof", "public-key"], run: verifyConsistencyCommand },
};

/**
 * `npm run audit:proof`: lets a data owner check, with nothing but the log's
 * public key, that the audit events they were given are in the log a signed
 * checkpoint describes, and that a later checkpoint only added to an earlier
 * one.
 */
export async function main(argv: readonly string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  const subcommand = name === undefined ? undefined : SUBCOMMANDS[name];
  if (!subcommand) {
    io.stderr.write(`${name === undefined ? "" : `unknown subcommand ${name}\n`}${USAGE}\n`);
    return USAGE_ERROR;
  }
  try {
    let values: Record<string, string | undefined>;
    try {
      ({ values } = parseArgs({ args: [...rest], options: Object.fromEntries(subcommand.flags.map((flag) => [flag, { type: "string" }])), strict: true }) as {
        values: Record<string, string | undefined>;
      });
    } catch (error) {
      throw new Stop(USAGE_ERROR, error instanceof Error ? error.message : String(error));
    }
    io.stdout.write(`${subcommand.run(values)}\n`);
    return VALID;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    io.stderr.write(`${error.code === INVALID ? "INVALID: " : ""}${error.message}\n${error.code === USAGE_ERROR ? `${USAGE}\n` : ""}`);
    return error.code;
  }
}

if (require.main === module) runCommand(main, "audit:proof failed: ");
