import { leafHash } from "./hashing";
import { CONSISTENCY_PROOFS, INCLUSION_PROOFS, LEAF_INPUTS, ROOT_HASHES } from "./testdata/rfc6962-vectors";
import probes from "./testdata/transparency-dev-probes.json";
import { verifyConsistency, verifyInclusion } from "./verify";

const bytes = (base64: string | null): Uint8Array => Buffer.from(base64 ?? "", "base64");
const allHashes = (probe: Record<string, unknown>): Uint8Array[] =>
  [probe.root, probe.leafHash, probe.root1, probe.root2, ...((probe.proof as string[] | null) ?? [])].filter((v): v is string => typeof v === "string").map(bytes);

// The one reference probe we answer differently: it expects two trees of one
// leaf with equal 12-byte "roots" to be consistent. No SHA-256 root is 12
// bytes, so we refuse it, and accept the same case with real roots below.
const STRICTER_ON_HASH_LENGTH = "testdata/consistency/additional/sizes-are-equal-one-and-proof-is-empty.json";

describe("verification against the transparency-dev reference probes", () => {
  it.each(probes.inclusion.map((p) => [p.file, p] as const))("answers %s as the reference does", (_file, p) => {
    const verdict = verifyInclusion(p.leafIdx, p.treeSize, bytes(p.leafHash), (p.proof ?? []).map(bytes), bytes(p.root));
    expect(verdict.valid).toBe(!p.wantErr);
  });

  it.each(probes.consistency.filter((p) => p.file !== STRICTER_ON_HASH_LENGTH).map((p) => [p.file, p] as const))("answers %s as the reference does", (_file, p) => {
    const verdict = verifyConsistency(p.size1, p.size2, bytes(p.root1), bytes(p.root2), (p.proof ?? []).map(bytes));
    expect(verdict.valid).toBe(!p.wantErr);
  });

  it("refuses roots that are not 32 bytes even where the reference would not look at them", () => {
    const probe = probes.consistency.find((p) => p.file === STRICTER_ON_HASH_LENGTH)!;
    expect(verifyConsistency(1, 1, bytes(probe.root1), bytes(probe.root2), [])).toEqual({ valid: false, reason: "first root hash is 12 bytes, not 32" });
    expect(verifyConsistency(1, 1, ROOT_HASHES[1], ROOT_HASHES[1], [])).toEqual({ valid: true });
  });

  it("rejects the well-formed forgeries in the RFC's steps, not by a length check", () => {
    const forged = [...probes.inclusion, ...probes.consistency].filter((p) => p.wantErr && allHashes(p).every((h) => h.length === 32));
    expect(forged.length).toBeGreaterThan(80);
    for (const p of forged) {
      const verdict =
        "leafIdx" in p
          ? verifyInclusion(p.leafIdx, p.treeSize, bytes(p.leafHash), (p.proof ?? []).map(bytes), bytes(p.root))
          : verifyConsistency(p.size1, p.size2, bytes(p.root1), bytes(p.root2), (p.proof ?? []).map(bytes));
      expect(verdict).toMatchObject({ valid: false, reason: expect.not.stringMatching(/bytes, not 32/) });
    }
  });
});

describe("verification of the reference proofs", () => {
  it.each(INCLUSION_PROOFS.map((v) => [v.index, v.treeSize, v] as const))("accepts the audit path of leaf %i in the tree of %i", (index, treeSize, v) => {
    expect(verifyInclusion(index, treeSize, leafHash(LEAF_INPUTS[index]), v.proof, ROOT_HASHES[treeSize])).toEqual({ valid: true });
  });

  it.each(CONSISTENCY_PROOFS.map((v) => [v.oldSize, v.newSize, v] as const))("accepts the consistency proof from %i leaves to %i", (oldSize, newSize, v) => {
    expect(verifyConsistency(oldSize, newSize, ROOT_HASHES[oldSize], ROOT_HASHES[newSize], v.proof)).toEqual({ valid: true });
  });

  it("says why a proof fails: out of range, wrong length, wrong root", () => {
    const { proof } = INCLUSION_PROOFS[1];
    const leaf = leafHash(LEAF_INPUTS[0]);
    expect(verifyInclusion(8, 8, leaf, proof, ROOT_HASHES[8])).toMatchObject({ valid: false, reason: "leaf index 8 is not in a tree of 8 leaves" });
    expect(verifyInclusion(0, 0, leaf, [], ROOT_HASHES[0])).toMatchObject({ valid: false });
    expect(verifyInclusion(-1, 8, leaf, proof, ROOT_HASHES[8])).toMatchObject({ valid: false });
    expect(verifyInclusion(0.5, 8, leaf, proof, ROOT_HASHES[8])).toMatchObject({ valid: false });
    expect(verifyInclusion(0, 8, leaf, [...proof, proof[0]], ROOT_HASHES[8])).toMatchObject({ valid: false, reason: expect.stringContaining("more hashes") });
    expect(verifyInclusion(0, 8, leaf, proof.slice(0, 2), ROOT_HASHES[8])).toMatchObject({ valid: false, reason: expect.stringContaining("fewer hashes") });
    expect(verifyInclusion(0, 8, leaf, proof, ROOT_HASHES[7])).toMatchObject({ valid: false, reason: "the proof and the leaf do not hash to the root" });
    expect(verifyConsistency(0, 0, ROOT_HASHES[0], ROOT_HASHES[0], [])).toMatchObject({ valid: false });
    expect(verifyConsistency(0, 8, ROOT_HASHES[0], ROOT_HASHES[8], [])).toMatchObject({ valid: false });
    expect(verifyConsistency(8, 6, ROOT_HASHES[8], ROOT_HASHES[6], [])).toMatchObject({ valid: false });
    expect(verifyConsistency(6, 8, ROOT_HASHES[6], ROOT_HASHES[8], [])).toMatchObject({ valid: false, reason: "the proof is empty" });
    expect(verifyConsistency(8, 8, ROOT_HASHES[8], ROOT_HASHES[8], [ROOT_HASHES[8]])).toMatchObject({ valid: false });
    expect(verifyConsistency(8, 8, ROOT_HASHES[8], ROOT_HASHES[7], [])).toMatchObject({ valid: false });
  });

  it("rejects a consistency proof offered for a first root it does not lead to, though it leads to the second", () => {
    // From 6 leaves the proof alone rebuilds both roots; only step 7's first comparison ties it to the first root.
    const { proof } = CONSISTENCY_PROOFS[2];
    expect(verifyConsistency(6, 8, ROOT_HASHES[5], ROOT_HASHES[8], proof)).toEqual({ valid: false, reason: "the proof does not hash to the first root" });
  });
});
