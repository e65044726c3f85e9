import { HASH_SIZE, EMPTY_ROOT, nodeHash } from "./hashing";
import { foldSubtree, NodeId, perfectSubtrees, TreeReader } from "./tree-reader";

// Hashes are kept in fixed chunks rather than one growing buffer: a growing
// buffer copies itself on each doubling, and at ten million leaves the copy
// alone would need twice the tree's memory.
const HASHES_PER_CHUNK = 1 << 16;

/** One level's hashes, in order, packed 32 bytes each. */
class HashColumn {
  private readonly chunks: Uint8Array[] = [];
  count = 0;

  push(hash: Uint8Array): void {
    const slot = this.count % HASHES_PER_CHUNK;
    if (slot === 0) this.chunks.push(new Uint8Array(HASHES_PER_CHUNK * HASH_SIZE));
    this.chunks[this.chunks.length - 1].set(hash, slot * HASH_SIZE);
    this.count += 1;
  }

  /** A view into the column, not a copy: for hashing in place. */
  view(index: number): Uint8Array {
    const chunk = this.chunks[Math.floor(index / HASHES_PER_CHUNK)];
    const offset = (index % HASHES_PER_CHUNK) * HASH_SIZE;
    return chunk.subarray(offset, offset + HASH_SIZE);
  }
}

/**
 * An append-only tree held in memory with every perfect subtree's hash, so a
 * proof reads O(log n) stored hashes and rehashes no leaves. Appending costs
 * one leaf write and, amortised, one node hash.
 */
export class MemoryTree implements TreeReader {
  private readonly levels: HashColumn[] = [];

  /** Leaves appended so far. */
  get size(): number {
    return this.levels[0]?.count ?? 0;
  }

  /** Appends a leaf by its RFC 6962 leaf hash, completing the subtrees it closes. */
  append(leafHash: Uint8Array): void {
    if (leafHash.length !== HASH_SIZE) throw new RangeError(`a leaf hash is ${HASH_SIZE} bytes, not ${leafHash.length}`);
    let node = leafHash;
    for (let level = 0; ; level += 1) {
      const column = (this.levels[level] ??= new HashColumn());
      column.push(node);
      const index = column.count - 1;
      // An even index is a left child: its parent waits for its sibling.
      if (index % 2 === 0) return;
      node = nodeHash(column.view(index - 1), column.view(index));
    }
  }

  /** The stored hash of a complete perfect subtree, copied so callers cannot change the tree. */
  node({ level, index }: NodeId): Uint8Array {
    const column = this.levels[level];
    if (!Number.isInteger(index) || index < 0 || !column || index >= column.count) {
      throw new RangeError(`node (level ${level}, index ${index}) is not in a tree of ${this.size} leaves`);
    }
    return column.view(index).slice();
  }

  async readNodes(ids: readonly NodeId[]): Promise<readonly Uint8Array[]> {
    return ids.map((id) => this.node(id));
  }

  /** MTH of the first `size` leaves: any size this tree has passed through. */
  root(size: number = this.size): Uint8Array {
    if (!Number.isSafeInteger(size) || size < 0 || size > this.size) throw new RangeError(`no tree of size ${size}: the log has ${this.size} leaves`);
    if (size === 0) return EMPTY_ROOT.slice();
    return foldSubtree(perfectSubtrees(0, size).map((id) => this.node(id)));
  }
}
