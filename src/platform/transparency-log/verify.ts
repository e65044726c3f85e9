import { HASH_SIZE, nodeHash } from "./hashing";

/** A proof check's answer: valid, or why not, in words a data owner can act on. */
export type ProofVerdict = { readonly valid: true } | { readonly valid: false; readonly reason: string };

const VALID: ProofVerdict = { valid: true };
const invalid = (reason: string): ProofVerdict => ({ valid: false, reason });

// Tree sizes and indexes go past 2^32, where JavaScript's bitwise operators
// wrap; halving and the remainder are exact on every safe integer instead.
const isOdd = (n: number): boolean => n % 2 === 1;
const half = (n: number): number => Math.floor(n / 2);

function sameHash(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.length).equals(b);
}

function badHashes(named: Record<string, Uint8Array>, proof: readonly Uint8Array[]): string | undefined {
  for (const [name, value] of Object.entries(named)) if (value.length !== HASH_SIZE) return `${name} is ${value.length} bytes, not ${HASH_SIZE}`;
  const short = proof.findIndex((p) => p.length !== HASH_SIZE);
  return short >= 0 ? `proof hash ${short} is ${proof[short].length} bytes, not ${HASH_SIZE}` : undefined;
}

const isCount = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

function isPowerOfTwo(n: number): boolean {
  let p = 1;
  while (p < n) p *= 2;
  return p === n;
}

/**
 * RFC 9162 §2.1.3.2, step for step: does `proof` show the leaf with hash
 * `leafHash` at `leafIndex` in the tree of `treeSize` leaves whose root is
 * `rootHash`? A path of the wrong length fails at step 4a or step 5.
 */
export function verifyInclusion(leafIndex: number, treeSize: number, leafHash: Uint8Array, proof: readonly Uint8Array[], rootHash: Uint8Array): ProofVerdict {
  if (!isCount(leafIndex) || !isCount(treeSize)) return invalid(`leaf index ${leafIndex} and tree size ${treeSize} must be whole numbers`);
  const malformed = badHashes({ "leaf hash": leafHash, "root hash": rootHash }, proof);
  if (malformed) return invalid(malformed);
  // Step 1.
  if (leafIndex >= treeSize) return invalid(`leaf index ${leafIndex} is not in a tree of ${treeSize} leaves`);
  // Steps 2 and 3.
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leafHash;
  // Step 4.
  for (const p of proof) {
    if (sn === 0) return invalid(`the proof has more hashes than a tree of ${treeSize} leaves needs`);
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  // Step 5.
  if (sn !== 0) return invalid(`the proof has fewer hashes than a tree of ${treeSize} leaves needs`);
  if (!sameHash(r, rootHash)) return invalid("the proof and the leaf do not hash to the root");
  return VALID;
}

/**
 * RFC 9162 §2.1.4.2, step for step: does `proof` show that the tree of
 * `secondSize` leaves with root `secondHash` extends the tree of `firstSize`
 * leaves with root `firstHash`? The RFC's algorithm is for 0 < first <
 * second; equal sizes are consistent only as the same root with an empty
 * proof, and nothing can be proved from the empty tree.
 */
export function verifyConsistency(
  firstSize: number,
  secondSize: number,
  firstHash: Uint8Array,
  secondHash: Uint8Array,
  proof: readonly Uint8Array[],
): ProofVerdict {
  if (!isCount(firstSize) || !isCount(secondSize)) return invalid(`tree sizes ${firstSize} and ${secondSize} must be whole numbers`);
  const malformed = badHashes({ "first root hash": firstHash, "second root hash": secondHash }, proof);
  if (malformed) return invalid(malformed);
  if (firstSize === 0) return invalid("a consistency proof from the empty tree proves nothing");
  if (firstSize > secondSize) return invalid(`the second tree (${secondSize} leaves) is smaller than the first (${firstSize})`);
  if (firstSize === secondSize) {
    if (proof.length > 0) return invalid("trees of equal size need an empty proof");
    return sameHash(firstHash, secondHash) ? VALID : invalid("two trees of the same size have different roots");
  }
  // Step 1.
  if (proof.length === 0) return invalid("the proof is empty");
  // Step 2: a first tree that is a perfect subtree is its own hash, which the proof leaves out.
  const path = isPowerOfTwo(firstSize) ? [firstHash, ...proof] : proof;
  // Step 3.
  let fn = firstSize - 1;
  let sn = secondSize - 1;
  // Step 4.
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  // Step 5.
  let fr = path[0];
  let sr = path[0];
  // Step 6.
  for (const c of path.slice(1)) {
    if (sn === 0) return invalid(`the proof has more hashes than trees of ${firstSize} and ${secondSize} leaves need`);
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  // Step 7.
  if (sn !== 0) return invalid(`the proof has fewer hashes than trees of ${firstSize} and ${secondSize} leaves need`);
  if (!sameHash(fr, firstHash)) return invalid("the proof does not hash to the first root");
  if (!sameHash(sr, secondHash)) return invalid("the proof does not hash to the second root");
  return VALID;
}
