import fc from "fast-check";
import { leafHash, merkleTreeHash } from "./hashing";
import { canonicalJson, encodeAuditBatch, JsonValue } from "./leaf-encoding";
import { MemoryTree } from "./memory-tree";
import { consistencyProof, inclusionProof } from "./proofs";
import { verifyConsistency, verifyInclusion } from "./verify";

// Leaves are distinct so that a leaf moved to another place is a real change.
const leaves = (maxLength: number) => fc.uniqueArray(fc.uint8Array({ minLength: 0, maxLength: 24 }), { minLength: 1, maxLength, selector: (l) => Buffer.from(l).toString("hex") });

function treeOf(leafHashes: readonly Uint8Array[]): MemoryTree {
  const tree = new MemoryTree();
  for (const h of leafHashes) tree.append(h);
  return tree;
}

/** Every way of changing a proof by one step: each byte changed, each hash dropped, a hash put in at each place, each adjacent pair swapped. */
function* oneStepChanges(proof: readonly Uint8Array[]): Generator<[string, Uint8Array[]]> {
  for (let i = 0; i < proof.length; i += 1) {
    for (let b = 0; b < proof[i].length; b += 1) {
      const changed = proof.map((h) => h.slice());
      changed[i][b] ^= 0x01;
      yield [`byte ${b} of hash ${i} changed`, changed];
    }
    yield [`hash ${i} dropped`, [...proof.slice(0, i), ...proof.slice(i + 1)]];
    if (i + 1 < proof.length && !Buffer.from(proof[i]).equals(proof[i + 1])) yield [`hashes ${i} and ${i + 1} swapped`, [...proof.slice(0, i), proof[i + 1], proof[i], ...proof.slice(i + 2)]];
  }
  for (let i = 0; i <= proof.length; i += 1) yield [`a hash put in at ${i}`, [...proof.slice(0, i), new Uint8Array(32).fill(7), ...proof.slice(i)]];
}

describe("transparency log properties", () => {
  it("verifies every leaf's audit path in trees of any size, against roots from the RFC's recursion", async () => {
    await fc.assert(
      fc.asyncProperty(leaves(70), fc.nat(), async (data, pick) => {
        const hashes = data.map(leafHash);
        const tree = treeOf(hashes);
        // Any past size of the tree, not only its current one.
        const size = 1 + (pick % hashes.length);
        const root = merkleTreeHash(hashes.slice(0, size));
        for (let i = 0; i < size; i += 1) expect(verifyInclusion(i, size, hashes[i], await inclusionProof(tree, i, size), root)).toEqual({ valid: true });
      }),
      { numRuns: 60 },
    );
  });

  it("verifies every consistency proof between any two sizes", async () => {
    await fc.assert(
      fc.asyncProperty(leaves(70), async (data) => {
        const hashes = data.map(leafHash);
        const tree = treeOf(hashes);
        const newRoot = merkleTreeHash(hashes);
        for (let oldSize = 1; oldSize <= hashes.length; oldSize += 1) {
          const proof = await consistencyProof(tree, oldSize, hashes.length);
          expect(verifyConsistency(oldSize, hashes.length, merkleTreeHash(hashes.slice(0, oldSize)), newRoot, proof)).toEqual({ valid: true });
        }
      }),
      { numRuns: 60 },
    );
  });

  it("rejects an audit path changed in any one step, and a proof offered for another leaf or place", async () => {
    await fc.assert(
      fc.asyncProperty(leaves(40), fc.nat(), async (data, pick) => {
        const hashes = data.map(leafHash);
        const index = pick % hashes.length;
        const root = merkleTreeHash(hashes);
        const proof = await inclusionProof(treeOf(hashes), index, hashes.length);
        for (const [change, forged] of oneStepChanges(proof)) {
          expect([change, verifyInclusion(index, hashes.length, hashes[index], forged, root).valid]).toEqual([change, false]);
        }
        for (let other = 0; other < hashes.length; other += 1) {
          if (other === index) continue;
          expect(verifyInclusion(index, hashes.length, hashes[other], proof, root).valid).toBe(false);
          expect(verifyInclusion(other, hashes.length, hashes[index], proof, root).valid).toBe(false);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("rejects a consistency proof changed in any one step, or offered for other roots", async () => {
    await fc.assert(
      fc.asyncProperty(leaves(40).filter((d) => d.length > 1), fc.nat(), async (data, pick) => {
        const hashes = data.map(leafHash);
        const oldSize = 1 + (pick % (hashes.length - 1));
        const oldRoot = merkleTreeHash(hashes.slice(0, oldSize));
        const newRoot = merkleTreeHash(hashes);
        const proof = await consistencyProof(treeOf(hashes), oldSize, hashes.length);
        for (const [change, forged] of oneStepChanges(proof)) {
          expect([change, verifyConsistency(oldSize, hashes.length, oldRoot, newRoot, forged).valid]).toEqual([change, false]);
        }
        const otherRoot = merkleTreeHash(hashes.slice(0, oldSize - 1).concat(leafHash(Buffer.from("not in the log"))));
        expect(verifyConsistency(oldSize, hashes.length, otherRoot, newRoot, proof).valid).toBe(false);
        expect(verifyConsistency(oldSize, hashes.length, oldRoot, otherRoot, proof).valid).toBe(false);
      }),
      { numRuns: 100 },
    );
  });

  it("gives a different root for any one leaf's byte changed, a leaf dropped or put in, or two leaves swapped", () => {
    fc.assert(
      fc.property(leaves(30), fc.nat(), (data, pick) => {
        const root = Buffer.from(merkleTreeHash(data.map(leafHash)));
        const i = pick % data.length;
        const differs = (changed: Uint8Array[]) => expect(root.equals(merkleTreeHash(changed.map(leafHash)))).toBe(false);
        for (let b = 0; b < data[i].length; b += 1) {
          const changed = data.map((l) => l.slice());
          changed[i][b] ^= 0x80;
          differs(changed);
        }
        differs([...data.slice(0, i), ...data.slice(i + 1)]);
        differs([...data.slice(0, i), Buffer.from("put in"), ...data.slice(i)]);
        if (data.length > 1) {
          const j = (i + 1) % data.length;
          const swapped = [...data];
          [swapped[i], swapped[j]] = [swapped[j], swapped[i]];
          differs(swapped);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("audit batches as leaves", () => {
  const auditEvent = fc.record({
    seq: fc.nat(),
    actor: fc.string({ minLength: 1 }),
    decision: fc.constantFrom("PERMIT", "DENY"),
    records: fc.array(fc.uuid(), { maxLength: 3 }),
  });
  const batch = fc.uniqueArray(auditEvent, { minLength: 1, maxLength: 6, selector: (e) => canonicalJson(e) });

  it("proves a batch's inclusion only for the events as logged: any event changed, dropped, added or moved fails", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(batch, { minLength: 1, maxLength: 12 }), fc.nat(), fc.nat(), async (batches, pickBatch, pickEvent) => {
        const hashes = batches.map((events) => leafHash(encodeAuditBatch(events)));
        const index = pickBatch % batches.length;
        const root = merkleTreeHash(hashes);
        const proof = await inclusionProof(treeOf(hashes), index, hashes.length);
        const proves = (events: JsonValue[]) => verifyInclusion(index, hashes.length, leafHash(encodeAuditBatch(events)), proof, root).valid;
        const events = batches[index];
        const e = pickEvent % events.length;
        expect(proves(events)).toBe(true);
        expect(proves(events.map((ev, k) => (k === e ? { ...ev, actor: `${ev.actor}x` } : ev)))).toBe(false);
        expect(proves(events.map((ev, k) => (k === e ? { ...ev, seq: ev.seq + 1 } : ev)))).toBe(false);
        if (events.length > 1) expect(proves(events.filter((_, k) => k !== e))).toBe(false);
        expect(proves([...events.slice(0, e), events[e], ...events.slice(e)])).toBe(false);
        if (events.length > 1) {
          const moved = [...events];
          const f = (e + 1) % events.length;
          [moved[e], moved[f]] = [moved[f], moved[e]];
          expect(proves(moved)).toBe(false);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("writes the same leaf for the same events whatever order their keys came in, and reads back the same values", () => {
    fc.assert(
      fc.property(fc.jsonValue({ noUnicodeString: false }), (value) => {
        const text = canonicalJson(value as JsonValue);
        const reordered = JSON.parse(JSON.stringify(value), (_key, v: unknown) =>
          v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
        ) as JsonValue;
        expect(canonicalJson(reordered)).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
  });
});
