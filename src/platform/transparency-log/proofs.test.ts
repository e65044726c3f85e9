import { leafHash, merkleTreeHash } from "./hashing";
import { MemoryTree } from "./memory-tree";
import { consistencyProof, inclusionProof } from "./proofs";
import { CONSISTENCY_PROOFS, INCLUSION_PROOFS, LEAF_INPUTS } from "./testdata/rfc6962-vectors";
import { NodeId, TreeReader } from "./tree-reader";
import { verifyConsistency, verifyInclusion } from "./verify";

const hexes = (hashes: readonly Uint8Array[]): string[] => hashes.map((h) => Buffer.from(h).toString("hex"));

function treeOf(leafHashes: readonly Uint8Array[]): MemoryTree {
  const tree = new MemoryTree();
  for (const h of leafHashes) tree.append(h);
  return tree;
}

const syntheticLeaves = (n: number): Uint8Array[] => Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`synthetic leaf ${i}`)));

describe("proof generation against the transparency-dev reference proofs", () => {
  const tree = treeOf(LEAF_INPUTS.map(leafHash));

  it.each(INCLUSION_PROOFS.map((v) => [v.index, v.treeSize, v] as const))("gives the reference audit path for leaf %i in the tree of %i", async (index, treeSize, vector) => {
    expect(hexes(await inclusionProof(tree, index, treeSize))).toEqual(hexes(vector.proof));
  });

  it.each(CONSISTENCY_PROOFS.map((v) => [v.oldSize, v.newSize, v] as const))("gives the reference consistency proof from %i leaves to %i", async (oldSize, newSize, vector) => {
    expect(hexes(await consistencyProof(tree, oldSize, newSize))).toEqual(hexes(vector.proof));
  });

  it("refuses a leaf outside the tree and a consistency proof from the empty tree or backwards", async () => {
    await expect(inclusionProof(tree, 8, 8)).rejects.toThrow(RangeError);
    await expect(inclusionProof(tree, 0, 9)).rejects.toThrow(RangeError);
    await expect(inclusionProof(tree, -1, 8)).rejects.toThrow(RangeError);
    await expect(consistencyProof(tree, 0, 8)).rejects.toThrow(RangeError);
    await expect(consistencyProof(tree, 5, 4)).rejects.toThrow(RangeError);
  });
});

describe("proof generation from stored subtrees", () => {
  it("proves every leaf and every pair of sizes in trees up to 40 leaves, against roots from the RFC's recursion", async () => {
    const leaves = syntheticLeaves(40);
    const tree = treeOf(leaves);
    for (let size = 1; size <= leaves.length; size += 1) {
      const root = merkleTreeHash(leaves.slice(0, size));
      for (let index = 0; index < size; index += 1) {
        expect(verifyInclusion(index, size, leaves[index], await inclusionProof(tree, index, size), root)).toEqual({ valid: true });
      }
      for (let oldSize = 1; oldSize <= size; oldSize += 1) {
        const oldRoot = merkleTreeHash(leaves.slice(0, oldSize));
        expect(verifyConsistency(oldSize, size, oldRoot, root, await consistencyProof(tree, oldSize, size))).toEqual({ valid: true });
      }
    }
  });

  it("reads O(log n) stored hashes in one batch per proof, however many leaves the tree holds", async () => {
    const tree = treeOf(syntheticLeaves(5000));
    const batches: NodeId[][] = [];
    const counting: TreeReader = { readNodes: (ids) => (batches.push([...ids]), tree.readNodes(ids)) };
    const bound = 2 * Math.ceil(Math.log2(5000));
    for (const [index, size] of [[0, 5000], [4999, 5000], [2047, 4097], [1234, 3333]]) {
      batches.length = 0;
      await inclusionProof(counting, index, size);
      expect(batches).toHaveLength(1);
      expect(batches[0].length).toBeLessThanOrEqual(bound);
    }
    for (const [oldSize, size] of [[1, 5000], [4999, 5000], [2047, 4097], [1234, 3333]]) {
      batches.length = 0;
      await consistencyProof(counting, oldSize, size);
      expect(batches).toHaveLength(1);
      expect(batches[0].length).toBeLessThanOrEqual(bound);
    }
  });
});
