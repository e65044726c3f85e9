import { sign } from "node:crypto";
import { Checkpoint, checkpointText, generateLogKeys, openCheckpoint, parseSignerKey, parseVerifierKey, signCheckpoint } from "./checkpoint";
import { ROOT_HASHES } from "./testdata/rfc6962-vectors";

const ORIGIN = "casebridge.example/audit-log";
const checkpoint: Checkpoint = { origin: ORIGIN, treeSize: 8, rootHash: ROOT_HASHES[8], timestamp: 1767225600000 };

describe("signed checkpoints", () => {
  const keys = generateLogKeys(ORIGIN);
  const signer = parseSignerKey(keys.signerKey);
  const verifier = parseVerifierKey(keys.verifierKey);

  it("writes the C2SP checkpoint body: origin, size, base64 root, then the timestamp line", () => {
    expect(checkpointText(checkpoint)).toBe(`${ORIGIN}\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\ntimestamp 1767225600000\n`);
    const note = signCheckpoint(checkpoint, signer);
    expect(note).toMatch(new RegExp(`^${checkpointText(checkpoint).replace(/[+/.]/g, "\\$&")}\\n\u2014 ${ORIGIN} [A-Za-z0-9+/]{91}=\\n$`));
  });

  it("opens a checkpoint it signed, giving back what was signed", () => {
    const verdict = openCheckpoint(signCheckpoint(checkpoint, signer), verifier);
    expect(verdict).toEqual({ valid: true, checkpoint: { ...checkpoint, rootHash: Buffer.from(checkpoint.rootHash) } });
  });

  it("rejects every single-character change to a signed checkpoint", () => {
    const note = signCheckpoint(checkpoint, signer);
    for (let i = 0; i < note.length; i += 1) {
      const replacement = note[i] === "A" ? "B" : "A";
      const changed = note.slice(0, i) + replacement + note.slice(i + 1);
      expect([i, openCheckpoint(changed, verifier).valid]).toEqual([i, false]);
      expect([i, openCheckpoint(note.slice(0, i) + note.slice(i + 1), verifier).valid]).toEqual([i, false]);
    }
  });

  it("rejects a checkpoint signed by another key, or by this log's name on another log's key", () => {
    const impostor = parseSignerKey(generateLogKeys(ORIGIN).signerKey);
    expect(openCheckpoint(signCheckpoint(checkpoint, impostor), verifier)).toMatchObject({ valid: false });
    const otherLog = parseSignerKey(generateLogKeys("other.example/log").signerKey);
    expect(openCheckpoint(signCheckpoint({ ...checkpoint, origin: "other.example/log" }, otherLog), verifier)).toMatchObject({ valid: false });
  });

  it("rejects a checkpoint for another log even when this log's key signed it", () => {
    const text = checkpointText({ ...checkpoint, origin: "other.example/log" });
    const signature = Buffer.concat([signer.keyId, sign(null, Buffer.from(text), signer.privateKey)]).toString("base64");
    expect(openCheckpoint(`${text}\n\u2014 ${ORIGIN} ${signature}\n`, verifier)).toEqual({ valid: false, reason: `the checkpoint is for the log other.example/log, not ${ORIGIN}` });
  });

  it("ignores a witness's cosignature line but not a failing line by the log's own key", () => {
    const witness = parseSignerKey(generateLogKeys("witness.example").signerKey);
    const note = signCheckpoint(checkpoint, signer);
    const cosigned = note + signCheckpoint({ ...checkpoint, origin: "witness.example" }, witness).split("\n\n")[1];
    expect(openCheckpoint(cosigned, verifier)).toMatchObject({ valid: true });
    const [text, line] = note.split("\n\n");
    const otherSignature = signCheckpoint({ ...checkpoint, timestamp: checkpoint.timestamp + 1 }, signer).split("\n\n")[1];
    expect(openCheckpoint(`${text}\n\n${line}${otherSignature}`, verifier)).toMatchObject({ valid: false, reason: expect.stringContaining("does not verify") });
  });

  it("reads keys only in their signed-note forms", () => {
    expect(() => parseVerifierKey(keys.signerKey)).toThrow(RangeError);
    expect(() => parseSignerKey(keys.verifierKey)).toThrow(RangeError);
    const [, name, id, material] = /^([^+]+)\+([0-9a-f]{8})\+(.+)$/.exec(keys.verifierKey)!;
    expect(() => parseVerifierKey(`${name}+${id.replace(/^./, id[0] === "0" ? "1" : "0")}+${material}`)).toThrow("id does not match");
    expect(() => generateLogKeys("has space")).toThrow(RangeError);
    expect(() => signCheckpoint({ ...checkpoint, origin: "other.example/log" }, signer)).toThrow(RangeError);
  });
});
