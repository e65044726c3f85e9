import { z } from "zod";

/**
 * The JSON a log hands a data owner beside a signed checkpoint: an audit path
 * for one leaf, or a consistency proof between two checkpoints. Hashes are
 * standard base64, as in the checkpoint itself.
 */
const inclusionProofFile = z.strictObject({
  leafIndex: z.number().int().nonnegative(),
  treeSize: z.number().int().positive(),
  hashes: z.array(z.base64()),
});

const consistencyProofFile = z.strictObject({
  oldSize: z.number().int().positive(),
  newSize: z.number().int().positive(),
  hashes: z.array(z.base64()),
});

export interface InclusionProofFile {
  readonly leafIndex: number;
  readonly treeSize: number;
  readonly hashes: readonly Uint8Array[];
}

export interface ConsistencyProofFile {
  readonly oldSize: number;
  readonly newSize: number;
  readonly hashes: readonly Uint8Array[];
}

const toBase64 = (hashes: readonly Uint8Array[]): string[] => hashes.map((h) => Buffer.from(h).toString("base64"));
const fromBase64 = (hashes: readonly string[]): Uint8Array[] => hashes.map((h) => Buffer.from(h, "base64"));

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "file"}: ${issue.message}`).join("; ");
}

export function writeInclusionProof(proof: InclusionProofFile): string {
  return `${JSON.stringify({ leafIndex: proof.leafIndex, treeSize: proof.treeSize, hashes: toBase64(proof.hashes) }, null, 2)}\n`;
}

export function writeConsistencyProof(proof: ConsistencyProofFile): string {
  return `${JSON.stringify({ oldSize: proof.oldSize, newSize: proof.newSize, hashes: toBase64(proof.hashes) }, null, 2)}\n`;
}

/** The inclusion proof in `json`, or what is wrong with it. */
export function readInclusionProof(json: unknown): InclusionProofFile | string {
  const parsed = inclusionProofFile.safeParse(json);
  return parsed.success ? { ...parsed.data, hashes: fromBase64(parsed.data.hashes) } : `not an inclusion proof: ${describe(parsed.error)}`;
}

/** The consistency proof in `json`, or what is wrong with it. */
export function readConsistencyProof(json: unknown): ConsistencyProofFile | string {
  const parsed = consistencyProofFile.safeParse(json);
  return parsed.success ? { ...parsed.data, hashes: fromBase64(parsed.data.hashes) } : `not a consistency proof: ${describe(parsed.error)}`;
}
