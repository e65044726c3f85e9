import { EMPTY_ROOT, leafHash, merkleTreeHash, nodeHash } from "./hashing";
import { MemoryTree } from "./memory-tree";
import { LEAF_INPUTS, NODE_HASHES, ROOT_HASHES } from "./testdata/rfc6962-vectors";

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");

describe("RFC 6962 hashing against the transparency-dev reference tree", () => {
  it("hashes each leaf as SHA-256(0x00 || leaf)", () => {
    expect(LEAF_INPUTS.map((leaf) => hex(leafHash(leaf)))).toEqual(NODE_HASHES[0].map(hex));
  });

  it("hashes each interior node as SHA-256(0x01 || left || right)", () => {
    for (let level = 1; level < NODE_HASHES.length; level += 1) {
      NODE_HASHES[level].forEach((expected, index) => {
        expect(hex(nodeHash(NODE_HASHES[level - 1][2 * index], NODE_HASHES[level - 1][2 * index + 1]))).toBe(hex(expected));
      });
    }
  });

  it.each(ROOT_HASHES.map((root, size) => [size, root] as const))("gives the reference root for the first %i leaves, by the RFC's recursion", (size, root) => {
    expect(hex(merkleTreeHash(LEAF_INPUTS.slice(0, size).map(leafHash)))).toBe(hex(root));
  });

  it("takes the empty tree's root to be SHA-256 of nothing", () => {
    expect(hex(EMPTY_ROOT)).toBe(hex(ROOT_HASHES[0]));
  });
});

describe("MemoryTree", () => {
  function referenceTree(): MemoryTree {
    const tree = new MemoryTree();
    for (const leaf of LEAF_INPUTS) tree.append(leafHash(leaf));
    return tree;
  }

  it("stores every perfect subtree's reference hash as the leaves are appended", () => {
    const tree = referenceTree();
    NODE_HASHES.forEach((hashes, level) => hashes.forEach((expected, index) => expect(hex(tree.node({ level, index }))).toBe(hex(expected))));
  });

  it.each(ROOT_HASHES.map((root, size) => [size, root] as const))("gives the reference root of the tree as it stood at %i leaves", (size, root) => {
    expect(hex(referenceTree().root(size))).toBe(hex(root));
  });

  it("refuses nodes and sizes the tree has not reached, and leaf hashes of the wrong length", () => {
    const tree = referenceTree();
    expect(() => tree.node({ level: 3, index: 1 })).toThrow(RangeError);
    expect(() => tree.node({ level: 4, index: 0 })).toThrow(RangeError);
    expect(() => tree.root(9)).toThrow(RangeError);
    expect(() => tree.append(new Uint8Array(31))).toThrow(RangeError);
  });

  it("hands out copies, so a caller changing a hash cannot change the tree", () => {
    const tree = referenceTree();
    tree.node({ level: 0, index: 0 })[0] ^= 1;
    tree.root()[0] ^= 1;
    expect(hex(tree.root())).toBe(hex(ROOT_HASHES[8]));
  });
});
