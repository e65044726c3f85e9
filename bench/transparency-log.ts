import { randomInt } from "node:crypto";
import { parseArgs } from "node:util";
import {
  consistencyProof,
  encodeAuditBatch,
  generateLogKeys,
  inclusionProof,
  JsonValue,
  leafHash,
  MemoryTree,
  openCheckpoint,
  parseSignerKey,
  parseVerifierKey,
  signCheckpoint,
  verifyConsistency,
  verifyInclusion,
} from "../src/platform/transparency-log";

/**
 * `npm run bench:audit-proofs [-- --leaves N --proofs N]`: builds a
 * transparency log of N synthetic audit batches (ten million by default) in
 * memory, then times what a data owner does, verifying audit paths and
 * consistency proofs, and what the log does, generating them. The target is
 * an audit path verified in under 5 ms at ten million events.
 */

const ORIGIN = "casebridge.example/audit-log";
const TARGET_MS = 5;

/** One synthetic audit event per batch: the shape of an access decision, no real person in it. */
function syntheticBatch(i: number): JsonValue[] {
  return [
    {
      seq: i + 1,
      at: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
      actor: `synthetic-caseworker-${i % 97}`,
      organisation: "SYNTHETIC",
      purpose: "support",
      subjectId: `synthetic-case-${i % 100_003}`,
      decision: i % 11 === 0 ? "DENY" : "PERMIT",
    },
  ];
}

function percentiles(samples: number[]): { median: number; p99: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] };
}

function millisSince(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function timeEach<T>(count: number, make: (k: number) => Promise<T> | T): Promise<{ results: T[]; ms: number[] }> {
  const results: T[] = [];
  const ms: number[] = [];
  for (let k = 0; k < count; k += 1) {
    const started = process.hrtime.bigint();
    results.push(await make(k));
    ms.push(millisSince(started));
  }
  return { results, ms };
}

const fmt = (ms: number): string => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`);
const mb = (bytes: number): string => `${Math.round(bytes / 2 ** 20)} MiB`;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { leaves: { type: "string", default: "10000000" }, proofs: { type: "string", default: "1000" } } });
  const leaves = Number(values.leaves);
  const proofs = Number(values.proofs);
  if (!Number.isSafeInteger(leaves) || leaves < 2 || !Number.isSafeInteger(proofs) || proofs < 1) {
    process.stderr.write("usage: npm run bench:audit-proofs -- [--leaves N (at least 2)] [--proofs N]\n");
    return 2;
  }

  const tree = new MemoryTree();
  const building = process.hrtime.bigint();
  for (let i = 0; i < leaves; i += 1) {
    tree.append(leafHash(encodeAuditBatch(syntheticBatch(i))));
    if ((i + 1) % 1_000_000 === 0) process.stderr.write(`  ${i + 1} leaves, ${(millisSince(building) / 1000).toFixed(1)} s\n`);
  }
  const buildSeconds = millisSince(building) / 1000;
  const memory = process.memoryUsage();

  const keys = generateLogKeys(ORIGIN);
  const signer = parseSignerKey(keys.signerKey);
  const verifier = parseVerifierKey(keys.verifierKey);
  const note = signCheckpoint({ origin: ORIGIN, treeSize: leaves, rootHash: tree.root(), timestamp: Date.now() }, signer);
  const opened = openCheckpoint(note, verifier);
  if (!opened.valid) throw new Error(`the bench's own checkpoint did not open: ${opened.reason}`);
  const { rootHash } = opened.checkpoint;

  // Inclusion: the log generates an audit path; the data owner recomputes the leaf from the events and verifies it.
  const indexes = Array.from({ length: proofs }, () => randomInt(leaves));
  const generated = await timeEach(proofs, (k) => inclusionProof(tree, indexes[k], leaves));
  const leafHashes = indexes.map((i) => leafHash(encodeAuditBatch(syntheticBatch(i))));
  const verified = await timeEach(proofs, (k) => verifyInclusion(indexes[k], leaves, leafHashes[k], generated.results[k], rootHash));
  const endToEnd = await timeEach(proofs, (k) => {
    if (!openCheckpoint(note, verifier).valid) return false;
    return verifyInclusion(indexes[k], leaves, leafHash(encodeAuditBatch(syntheticBatch(indexes[k]))), generated.results[k], rootHash).valid;
  });
  if (verified.results.some((v) => !v.valid) || endToEnd.results.some((v) => !v)) throw new Error("an audit path the log generated did not verify");

  // Consistency: from a random earlier size to the whole tree.
  const oldSizes = Array.from({ length: proofs }, () => 1 + randomInt(leaves - 1));
  const oldRoots = oldSizes.map((size) => tree.root(size));
  const consistencyGenerated = await timeEach(proofs, (k) => consistencyProof(tree, oldSizes[k], leaves));
  const consistencyVerified = await timeEach(proofs, (k) => verifyConsistency(oldSizes[k], leaves, oldRoots[k], rootHash, consistencyGenerated.results[k]));
  if (consistencyVerified.results.some((v) => !v.valid)) throw new Error("a consistency proof the log generated did not verify");

  const checkpointOpen = await timeEach(proofs, () => openCheckpoint(note, verifier));

  const row = (what: string, ms: number[]) => {
    const p = percentiles(ms);
    return `| ${what} | ${fmt(p.median)} | ${fmt(p.p99)} | ${fmt(p.max)} |`;
  };
  const lengths = (ps: readonly (readonly Uint8Array[])[]) => `${Math.min(...ps.map((p) => p.length))}–${Math.max(...ps.map((p) => p.length))}`;
  const inclusionP99 = percentiles(verified.ms).p99;
  const lines = [
    `Transparency log at ${leaves.toLocaleString("en-GB")} leaves (one synthetic audit event each), ${proofs.toLocaleString("en-GB")} random proofs of each kind`,
    "",
    `Built in ${buildSeconds.toFixed(1)} s (${Math.round(leaves / buildSeconds).toLocaleString("en-GB")} leaves/s, canonical JSON + leaf hash + subtree hashes); ` +
      `memory after building: rss ${mb(memory.rss)}, array buffers ${mb(memory.arrayBuffers)}, JS heap ${mb(memory.heapUsed)}.`,
    `Audit paths of ${lengths(generated.results)} hashes; consistency proofs of ${lengths(consistencyGenerated.results)} hashes.`,
    "",
    "| step | median | p99 | max |",
    "| --- | --- | --- | --- |",
    row("verify an audit path (RFC 9162 2.1.3.2)", verified.ms),
    row("data owner's whole check: open the signed checkpoint, encode the events, verify the path", endToEnd.ms),
    row("verify a consistency proof (RFC 9162 2.1.4.2)", consistencyVerified.ms),
    row("open a signed checkpoint (Ed25519)", checkpointOpen.ms),
    row("generate an audit path from stored subtrees", generated.ms),
    row("generate a consistency proof from stored subtrees", consistencyGenerated.ms),
    "",
    `Target: an audit path verified in under ${TARGET_MS} ms at ten million events: p99 ${fmt(inclusionP99)}, ${inclusionP99 < TARGET_MS ? "met" : "NOT met"}.`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  return inclusionP99 < TARGET_MS ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench:audit-proofs failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
