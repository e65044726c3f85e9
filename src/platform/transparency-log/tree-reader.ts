import { nodeHash } from "./hashing";

/**
 * A perfect subtree of the log: the 2^level leaves from index * 2^level.
 * Its hash never changes once its last leaf is appended, so a store can keep
 * it and any later tree size can use it; level 0 holds the leaf hashes.
 */
export interface NodeId {
  readonly level: number;
  readonly index: number;
}

/**
 * What proof generation needs from a store: the hashes of perfect subtrees,
 * asked for in one batch so that a database answers a whole proof in one
 * query. A store rejects a node that is not complete yet.
 */
export interface TreeReader {
  readNodes(ids: readonly NodeId[]): Promise<readonly Uint8Array[]>;
}

/**
 * The perfect subtrees that make up leaves [start, end), largest first: each
 * is as large as its position's alignment and the remaining width allow.
 */
export function perfectSubtrees(start: number, end: number): NodeId[] {
  const nodes: NodeId[] = [];
  let at = start;
  while (at < end) {
    let level = 0;
    let width = 1;
    while (at % (width * 2) === 0 && at + width * 2 <= end) {
      level += 1;
      width *= 2;
    }
    nodes.push({ level, index: at / width });
    at += width;
  }
  return nodes;
}

/**
 * MTH of an RFC 6962 subtree [start, end) from its perfect subtrees' hashes
 * (as perfectSubtrees lists them). Only for a range that is a subtree of the
 * RFC's split, start aligned to a power of two at least end - start: there
 * the split falls at each piece's boundary, so folding from the right is the
 * RFC's recursion.
 */
export function foldSubtree(hashes: readonly Uint8Array[]): Uint8Array {
  let folded = hashes[hashes.length - 1];
  for (let i = hashes.length - 2; i >= 0; i -= 1) folded = nodeHash(hashes[i], folded);
  return folded;
}
