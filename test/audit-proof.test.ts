import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  consistencyProof,
  encodeAuditBatch,
  generateLogKeys,
  inclusionProof,
  JsonValue,
  leafHash,
  MemoryTree,
  parseSignerKey,
  signCheckpoint,
  writeConsistencyProof,
  writeInclusionProof,
} from "../src/platform/transparency-log";

const ORIGIN = "casebridge.example/audit-log";

/** `npm run audit:proof` as a data owner runs it: a separate process, files in, an exit code out. */
describe("npm run audit:proof", () => {
  const dir = mkdtempSync(join(tmpdir(), "casebridge-audit-proof-"));
  const file = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const batches: JsonValue[][] = Array.from({ length: 11 }, (_, b) =>
    Array.from({ length: 3 }, (_, e) => ({ seq: b * 3 + e + 1, actor: `synthetic-caseworker-${e}`, decision: e === 2 ? "DENY" : "PERMIT", subjectId: `synthetic-case-${b}` })),
  );
  const keys = generateLogKeys(ORIGIN);
  const signer = parseSignerKey(keys.signerKey);
  const publicKey = file("log.pub", `${keys.verifierKey}\n`);
  const tree = new MemoryTree();
  for (const events of batches) tree.append(leafHash(encodeAuditBatch(events)));
  const checkpointAt = (size: number, name: string) => file(name, signCheckpoint({ origin: ORIGIN, treeSize: size, rootHash: tree.root(size), timestamp: 1767225600000 + size }, signer));
  const oldCheckpoint = checkpointAt(7, "old.checkpoint");
  const checkpoint = checkpointAt(11, "new.checkpoint");

  function run(...args: string[]) {
    return spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", "src/cli/audit-proof.ts", ...args], { cwd: join(__dirname, ".."), encoding: "utf8" });
  }

  it("accepts a batch's events with its audit path, and refuses the events with one changed or the proof forged", async () => {
    const index = 4;
    const proof = await inclusionProof(tree, index, 11);
    const proofFile = file("inclusion.json", writeInclusionProof({ leafIndex: index, treeSize: 11, hashes: proof }));
    const events = file("events.json", JSON.stringify(batches[index], null, 2));

    const valid = run("verify-inclusion", "--checkpoint", checkpoint, "--proof", proofFile, "--events", events, "--public-key", publicKey);
    expect(valid.stderr).toBe("");
    expect(valid.stdout).toContain(`valid: these 3 events are leaf 4 of ${ORIGIN} at 11 leaves`);
    expect(valid.status).toBe(0);

    const changedEvents = file("changed-events.json", JSON.stringify(batches[index].map((e, k) => (k === 1 ? { ...(e as object), decision: "DENY" } : e))));
    const changed = run("verify-inclusion", "--checkpoint", checkpoint, "--proof", proofFile, "--events", changedEvents, "--public-key", publicKey);
    expect(changed.status).toBe(1);
    expect(changed.stderr).toContain("INVALID: these events are not leaf 4 of the checkpoint's tree: the proof and the leaf do not hash to the root");

    const forgedHashes = proof.map((h) => h.slice());
    forgedHashes[1][0] ^= 1;
    const forgedProof = file("forged.json", writeInclusionProof({ leafIndex: index, treeSize: 11, hashes: forgedHashes }));
    const forged = run("verify-inclusion", "--checkpoint", checkpoint, "--proof", forgedProof, "--events", events, "--public-key", publicKey);
    expect(forged.status).toBe(1);
    expect(forged.stderr).toMatch(/^INVALID: /);
  });

  it("refuses a checkpoint whose tree size was changed after signing", async () => {
    const proofFile = file("inclusion-0.json", writeInclusionProof({ leafIndex: 0, treeSize: 11, hashes: await inclusionProof(tree, 0, 11) }));
    const events = file("events-0.json", JSON.stringify(batches[0]));
    const tampered = file("tampered.checkpoint", signCheckpoint({ origin: ORIGIN, treeSize: 11, rootHash: tree.root(11), timestamp: 1 }, signer).replace("\n11\n", "\n12\n"));
    const result = run("verify-inclusion", "--checkpoint", tampered, "--proof", proofFile, "--events", events, "--public-key", publicKey);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("does not verify");
  });

  it("accepts a consistency proof between two checkpoints, and refuses a forged one", async () => {
    const proof = await consistencyProof(tree, 7, 11);
    const proofFile = file("consistency.json", writeConsistencyProof({ oldSize: 7, newSize: 11, hashes: proof }));
    const valid = run("verify-consistency", "--old-checkpoint", oldCheckpoint, "--new-checkpoint", checkpoint, "--proof", proofFile, "--public-key", publicKey);
    expect(valid.stderr).toBe("");
    expect(valid.stdout).toContain(`valid: ${ORIGIN} at 11 leaves`);
    expect(valid.status).toBe(0);

    const forgedProof = file("consistency-forged.json", writeConsistencyProof({ oldSize: 7, newSize: 11, hashes: proof.slice(0, -1) }));
    const forged = run("verify-consistency", "--old-checkpoint", oldCheckpoint, "--new-checkpoint", checkpoint, "--proof", forgedProof, "--public-key", publicKey);
    expect(forged.status).toBe(1);
    expect(forged.stderr).toContain("INVALID: the newer checkpoint does not extend the older");
  });

  it("exits 2 with the usage when used wrongly", () => {
    for (const args of [[], ["prove-everything"], ["verify-inclusion", "--checkpoint", checkpoint], ["verify-inclusion", "--unknown", "x"], ["verify-consistency", "--proof", join(dir, "absent.json")]]) {
      const result = run(...args);
      expect([args, result.status]).toEqual([args, 2]);
      expect(result.stderr).toContain("usage:");
    }
  });
});
