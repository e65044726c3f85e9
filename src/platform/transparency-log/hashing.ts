import { hash } from "node:crypto";

/** SHA-256's output: every leaf, node and root hash of the log is this long. */
export const HASH_SIZE = 32;

/** RFC 6962 §2.1: MTH({}) = SHA-256(), the hash of the empty string. */
export const EMPTY_ROOT: Uint8Array = hash("sha256", Buffer.alloc(0), "buffer");

// RFC 6962 §2.1 prefixes a leaf's input with 0x00 and an interior node's with
// 0x01 (the second preimage defence of §2.1), so no leaf can pose as a node.
const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;

/** RFC 6962 §2.1: MTH({d(0)}) = SHA-256(0x00 || d(0)). */
export function leafHash(leaf: Uint8Array): Uint8Array {
  const input = Buffer.allocUnsafe(1 + leaf.length);
  input[0] = LEAF_PREFIX;
  input.set(leaf, 1);
  return hash("sha256", input, "buffer");
}

/** RFC 6962 §2.1: SHA-256(0x01 || MTH(left) || MTH(right)). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  const input = Buffer.allocUnsafe(1 + 2 * HASH_SIZE);
  input[0] = NODE_PREFIX;
  input.set(left, 1);
  input.set(right, 1 + HASH_SIZE);
  return hash("sha256", input, "buffer");
}

/** RFC 6962 §2.1's k for n > 1: the largest power of two smaller than n. */
export function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * RFC 6962 §2.1's Merkle Tree Hash over leaf hashes, recursively as the RFC
 * writes it: the reference the stored tree is checked against, and the way to
 * hash a small batch that is not kept.
 */
export function merkleTreeHash(leafHashes: readonly Uint8Array[]): Uint8Array {
  const n = leafHashes.length;
  if (n === 0) return EMPTY_ROOT;
  if (n === 1) return leafHashes[0];
  const k = largestPowerOfTwoBelow(n);
  return nodeHash(merkleTreeHash(leafHashes.slice(0, k)), merkleTreeHash(leafHashes.slice(k)));
}
