import { createPrivateKey, createPublicKey, generateKeyPairSync, hash, KeyObject, sign, verify } from "node:crypto";
import { HASH_SIZE } from "./hashing";

/**
 * A signed statement of the log's state: which log, how many leaves, their
 * RFC 6962 root, and when the log said so.
 */
export interface Checkpoint {
  readonly origin: string;
  readonly treeSize: number;
  readonly rootHash: Uint8Array;
  /** Milliseconds since the Unix epoch, as RFC 6962's signed tree head counts them. */
  readonly timestamp: number;
}

// C2SP signed-note: signature type 0x01 is Ed25519, and each signature line
// begins with an em dash and a space.
const ED25519 = 0x01;
const SIGNATURE_PREFIX = "\u2014 ";
const KEY_ID_SIZE = 4;
const SIGNATURE_SIZE = 64;
// RFC 8410 §7: the DER of a PKCS #8 Ed25519 private key is this prefix and the 32-byte seed.
const PKCS8_ED25519_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
const TIMESTAMP_LINE = "timestamp ";
const DECIMAL = /^(0|[1-9][0-9]*)$/;

/** The verifier key of a log: its name and Ed25519 public key, as a data owner is given them. */
export interface LogVerifierKey {
  readonly name: string;
  readonly keyId: Uint8Array;
  readonly publicKey: KeyObject;
}

/** The log's signing key: kept by the log, never given out. */
export interface LogSignerKey {
  readonly name: string;
  readonly keyId: Uint8Array;
  readonly privateKey: KeyObject;
}

/** A checkpoint that verified, or why it did not. */
export type CheckpointVerdict = { readonly valid: true; readonly checkpoint: Checkpoint } | { readonly valid: false; readonly reason: string };

/** C2SP signed-note: a key name is non-empty UTF-8 without spaces or '+', since '+' separates a key's fields. */
function isKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+]/u.test(name);
}

/** C2SP signed-note: the key ID is the first 4 bytes of SHA-256(name || 0x0A || type || public key). */
function keyIdOf(name: string, rawPublicKey: Uint8Array): Uint8Array {
  return hash("sha256", Buffer.concat([Buffer.from(`${name}\n`, "utf8"), Buffer.from([ED25519]), rawPublicKey]), "buffer").subarray(0, KEY_ID_SIZE);
}

function rawPublicKey(key: KeyObject): Buffer {
  const { x } = key.export({ format: "jwk" });
  return Buffer.from(x ?? "", "base64url");
}

function canonicalBase64(text: string, bytes: number): Buffer | undefined {
  const decoded = Buffer.from(text, "base64");
  return decoded.length === bytes && decoded.toString("base64") === text ? decoded : undefined;
}

/**
 * A new Ed25519 key pair for a log named `name`, in the signed-note text
 * forms: the verifier key `name+keyid+base64` that data owners are given, and
 * the signer key `PRIVATE+KEY+name+keyid+base64` that the log keeps.
 */
export function generateLogKeys(name: string): { signerKey: string; verifierKey: string } {
  if (!isKeyName(name)) throw new RangeError(`"${name}" cannot name a key: it must be non-empty, with no spaces or '+'`);
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const seed = Buffer.from(privateKey.export({ format: "jwk" }).d ?? "", "base64url");
  const raw = rawPublicKey(publicKey);
  const keyId = Buffer.from(keyIdOf(name, raw)).toString("hex");
  return {
    signerKey: `PRIVATE+KEY+${name}+${keyId}+${Buffer.concat([Buffer.from([ED25519]), seed]).toString("base64")}`,
    verifierKey: `${name}+${keyId}+${Buffer.concat([Buffer.from([ED25519]), raw]).toString("base64")}`,
  };
}

/** Reads a verifier key `name+keyid+base64(0x01 || public key)`; throws on anything else. */
export function parseVerifierKey(text: string): LogVerifierKey {
  // Base64 has '+' in its alphabet: the key material is everything after the second '+'.
  const [name, keyIdHex, ...material] = text.trim().split("+");
  const key = material.length === 0 ? undefined : canonicalBase64(material.join("+"), 1 + 32);
  if (!isKeyName(name) || !/^[0-9a-f]{8}$/.test(keyIdHex ?? "") || !key || key[0] !== ED25519) {
    throw new RangeError("not an Ed25519 verifier key of the form name+keyid+base64");
  }
  const raw = key.subarray(1);
  const keyId = keyIdOf(name, raw);
  if (Buffer.from(keyId).toString("hex") !== keyIdHex) throw new RangeError("the verifier key's id does not match its name and key");
  return { name, keyId, publicKey: createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: raw.toString("base64url") }, format: "jwk" }) };
}

/** Reads a signer key `PRIVATE+KEY+name+keyid+base64(0x01 || seed)`; throws on anything else. */
export function parseSignerKey(text: string): LogSignerKey {
  const [p, k, name, keyIdHex, ...material] = text.trim().split("+");
  const key = material.length === 0 ? undefined : canonicalBase64(material.join("+"), 1 + 32);
  if (p !== "PRIVATE" || k !== "KEY" || !isKeyName(name ?? "") || !key || key[0] !== ED25519) {
    throw new RangeError("not an Ed25519 signer key of the form PRIVATE+KEY+name+keyid+base64");
  }
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, key.subarray(1)]), format: "der", type: "pkcs8" });
  const keyId = keyIdOf(name, rawPublicKey(createPublicKey(privateKey)));
  if (Buffer.from(keyId).toString("hex") !== keyIdHex) throw new RangeError("the signer key's id does not match its name and key");
  return { name, keyId, privateKey };
}

/**
 * The checkpoint as C2SP tlog-checkpoint note text: origin, tree size and
 * base64 root hash, then one extension line with the timestamp, each line
 * ending in a newline.
 */
export function checkpointText({ origin, treeSize, rootHash, timestamp }: Checkpoint): string {
  if (!isKeyName(origin)) throw new RangeError(`"${origin}" cannot be a log's origin: it must be non-empty, with no spaces or '+'`);
  if (!Number.isSafeInteger(treeSize) || treeSize < 0) throw new RangeError(`tree size ${treeSize} is not a whole number`);
  if (rootHash.length !== HASH_SIZE) throw new RangeError(`a root hash is ${HASH_SIZE} bytes`);
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) throw new RangeError(`timestamp ${timestamp} is not whole milliseconds`);
  return `${origin}\n${treeSize}\n${Buffer.from(rootHash).toString("base64")}\n${TIMESTAMP_LINE}${timestamp}\n`;
}

/** A C2SP signed note: the checkpoint text, a blank line, and the log's Ed25519 signature line. The log signs under its origin. */
export function signCheckpoint(checkpoint: Checkpoint, signer: LogSignerKey): string {
  if (signer.name !== checkpoint.origin) throw new RangeError(`the key for ${signer.name} cannot sign for the log ${checkpoint.origin}`);
  const text = checkpointText(checkpoint);
  const signature = sign(null, Buffer.from(text, "utf8"), signer.privateKey);
  return `${text}\n${SIGNATURE_PREFIX}${signer.name} ${Buffer.concat([signer.keyId, signature]).toString("base64")}\n`;
}

function parseCheckpointText(text: string): Checkpoint | string {
  const lines = text.split("\n");
  // The text ends in a newline, so the last piece is empty: four lines and "".
  if (lines.length !== 5 || lines[4] !== "") return "the checkpoint is not four lines: origin, tree size, root hash, timestamp";
  const [origin, size, root, stamp] = lines;
  if (!isKeyName(origin)) return "the checkpoint's origin is not a log name";
  if (!DECIMAL.test(size) || !Number.isSafeInteger(Number(size))) return "the checkpoint's tree size is not a decimal number";
  const rootHash = canonicalBase64(root, HASH_SIZE);
  if (!rootHash) return "the checkpoint's root hash is not 32 bytes of base64";
  const millis = stamp.startsWith(TIMESTAMP_LINE) ? stamp.slice(TIMESTAMP_LINE.length) : "";
  if (!DECIMAL.test(millis) || !Number.isSafeInteger(Number(millis))) return "the checkpoint's timestamp line is not 'timestamp <milliseconds>'";
  return { origin, treeSize: Number(size), rootHash, timestamp: Number(millis) };
}

/**
 * Opens a signed checkpoint with the log's verifier key: valid only when a
 * signature line by that key verifies over the exact text, no line by that
 * key fails, and the checkpoint names that key's log. Lines by other keys
 * (a witness's cosignature, say) are left alone, as signed-note says.
 */
export function openCheckpoint(note: string, key: LogVerifierKey): CheckpointVerdict {
  const split = note.lastIndexOf("\n\n");
  if (split < 0 || !note.endsWith("\n")) return { valid: false, reason: "not a signed note: no blank line before the signatures" };
  const text = note.slice(0, split + 1);
  const signatureLines = note.slice(split + 2, -1).split("\n");
  let signed = false;
  for (const line of signatureLines) {
    if (!line.startsWith(SIGNATURE_PREFIX)) return { valid: false, reason: "a line after the blank line is not a signature" };
    const [name, encoded, ...rest] = line.slice(SIGNATURE_PREFIX.length).split(" ");
    const signature = rest.length === 0 && encoded ? canonicalBase64(encoded, KEY_ID_SIZE + SIGNATURE_SIZE) : undefined;
    if (!signature) return { valid: false, reason: "a signature line is malformed" };
    if (name !== key.name || !signature.subarray(0, KEY_ID_SIZE).equals(key.keyId)) continue;
    if (!verify(null, Buffer.from(text, "utf8"), key.publicKey, signature.subarray(KEY_ID_SIZE))) {
      return { valid: false, reason: `the signature by ${key.name} does not verify: the checkpoint or its signature was changed` };
    }
    signed = true;
  }
  if (!signed) return { valid: false, reason: `the checkpoint carries no signature by ${key.name}` };
  const checkpoint = parseCheckpointText(text);
  if (typeof checkpoint === "string") return { valid: false, reason: checkpoint };
  if (checkpoint.origin !== key.name) return { valid: false, reason: `the checkpoint is for the log ${checkpoint.origin}, not ${key.name}` };
  return { valid: true, checkpoint };
}
