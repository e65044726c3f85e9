// The transparency log's public face: add exports here with intention.
export { EMPTY_ROOT, HASH_SIZE, leafHash, merkleTreeHash, nodeHash } from "./hashing";
export type { NodeId, TreeReader } from "./tree-reader";
export { MemoryTree } from "./memory-tree";
export { consistencyProof, inclusionProof } from "./proofs";
export { verifyConsistency, verifyInclusion } from "./verify";
export type { ProofVerdict } from "./verify";
export { checkpointText, generateLogKeys, openCheckpoint, parseSignerKey, parseVerifierKey, signCheckpoint } from "./checkpoint";
export type { Checkpoint, CheckpointVerdict, LogSignerKey, LogVerifierKey } from "./checkpoint";
export { canonicalJson, encodeAuditBatch } from "./leaf-encoding";
export type { JsonValue } from "./leaf-encoding";
export { readConsistencyProof, readInclusionProof, writeConsistencyProof, writeInclusionProof } from "./proof-files";
export type { ConsistencyProofFile, InclusionProofFile } from "./proof-files";
