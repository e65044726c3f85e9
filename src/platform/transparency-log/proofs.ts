import { largestPowerOfTwoBelow } from "./hashing";
import { foldSubtree, perfectSubtrees, TreeReader } from "./tree-reader";

/** Leaves [start, end) of the tree: a subtree whose MTH is one element of a proof. */
type Subtree = readonly [start: number, end: number];

/** RFC 9162 §2.1.3.1 PATH(m, D[start:end]), m counted from the tree's first leaf: the subtrees whose hashes form the audit path, nearest the leaf first. */
function auditPath(m: number, start: number, end: number, path: Subtree[]): void {
  if (end - start <= 1) return;
  const k = largestPowerOfTwoBelow(end - start);
  if (m < start + k) {
    auditPath(m, start, start + k, path);
    path.push([start + k, end]);
  } else {
    auditPath(m, start + k, end, path);
    path.push([start, start + k]);
  }
}

/** RFC 9162 §2.1.4.1 SUBPROOF(m, D[start:end], b), m counted from the tree's first leaf. */
function subproof(m: number, start: number, end: number, mIsWholeTree: boolean, proof: Subtree[]): void {
  if (m === end) {
    if (!mIsWholeTree) proof.push([start, end]);
    return;
  }
  const k = largestPowerOfTwoBelow(end - start);
  if (m <= start + k) {
    subproof(m, start, start + k, mIsWholeTree, proof);
    proof.push([start + k, end]);
  } else {
    subproof(m, start + k, end, false, proof);
    proof.push([start, start + k]);
  }
}

/**
 * The subtrees' hashes in one batched read. Every subtree the RFC's
 * recursion yields is perfect or ends at the tree's last leaf, and at most one
 * of them is not perfect, so a proof reads at most about 2 log2(n) hashes.
 */
async function hashSubtrees(reader: TreeReader, subtrees: readonly Subtree[]): Promise<Uint8Array[]> {
  const pieces = subtrees.map(([start, end]) => perfectSubtrees(start, end));
  const hashes = await reader.readNodes(pieces.flat());
  let at = 0;
  return pieces.map((ids) => {
    const own = hashes.slice(at, at + ids.length);
    at += ids.length;
    return foldSubtree(own);
  });
}

function requireSize(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number of leaves, not ${value}`);
}

/** The audit path proving leaf `index` is in the tree of the first `treeSize` leaves (RFC 9162 §2.1.3.1). */
export async function inclusionProof(reader: TreeReader, index: number, treeSize: number): Promise<Uint8Array[]> {
  requireSize("index", index);
  requireSize("treeSize", treeSize);
  if (index >= treeSize) throw new RangeError(`leaf ${index} is not in a tree of ${treeSize} leaves`);
  const path: Subtree[] = [];
  auditPath(index, 0, treeSize, path);
  return hashSubtrees(reader, path);
}

/** The proof that the tree of `newSize` leaves extends the tree of `oldSize` (RFC 9162 §2.1.4.1); empty when the sizes are equal. */
export async function consistencyProof(reader: TreeReader, oldSize: number, newSize: number): Promise<Uint8Array[]> {
  requireSize("oldSize", oldSize);
  requireSize("newSize", newSize);
  // The RFC defines PROOF(m, D[n]) for 0 < m <= n only: nothing is consistent with the empty tree in a way a proof could show.
  if (oldSize === 0 || oldSize > newSize) throw new RangeError(`no consistency proof from ${oldSize} leaves to ${newSize}`);
  const proof: Subtree[] = [];
  subproof(oldSize, 0, newSize, true, proof);
  return hashSubtrees(reader, proof);
}
