import type { NextFunction, Request, RequestHandler, Response } from "express";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { errors as joseErrors, jwtVerify, SignJWT } from "jose";
import { ErrorCode } from "./errors";
import type { Logger } from "./logger";

/**
 * Proof that a request to a subgraph came from the gateway: a compact JWT the
 * gateway signs for each subgraph request, bound to the user's token (`ath`),
 * the exact operation text (`oph`), the hub's request id (`rid`) and the
 * subgraph it is for (`aud`), alive for seconds and used once. A subgraph that
 * requires it runs only what passed the gateway's checks (token, operation
 * limits, the operations safelist), so those checks hold for the whole hub.
 *
 * HS256 over one shared secret (GATEWAY_SIGNING_KEY): one value to provision
 * in every piece, and verifying costs one HMAC. A subgraph holding the secret
 * could mint a proof for another subgraph, but a proof only stands in for the
 * gateway's checks: each subgraph still verifies the user's token and decides
 * every record and field itself, and a process that holds the secret already
 * runs inside the hub.
 */
export const GATEWAY_PROOF_HEADER = "x-casebridge-gateway";
export const GATEWAY_PROOF_ISSUER = "casebridge-gateway";
/** Tells a proof apart from any other JWT (a user's token is never one). */
const PROOF_TYPE = "casebridge-gateway-proof+jwt";
const ALGORITHM = "HS256";
/** Long enough for the gateway's hop to a subgraph, short enough that a proof is useless once seen. */
export const GATEWAY_PROOF_LIFETIME_SECONDS = 30;
/** Clock difference allowed between the gateway's host and a subgraph's. */
export const GATEWAY_PROOF_CLOCK_TOLERANCE_SECONDS = 5;

const encoder = new TextEncoder();
const keyBytes = (key: string) => encoder.encode(key);

/** base64url SHA-256 of a text: how a proof names the user's token and the operation without carrying them. */
export function proofDigest(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("base64url");
}

/** A key for one process that runs the gateway and its subgraphs together (the embedded default, tests). */
export function ephemeralSigningKey(): string {
  return randomBytes(32).toString("base64url");
}

export interface ProofRequest {
  /** The subgraph the request goes to. */
  audience: string;
  /** The user's Authorization header as sent to the subgraph ("" when none). */
  authorization: string;
  /** The operation text as sent to the subgraph. */
  query: string;
  /** The hub's request id, as sent in x-casebridge-request-id. */
  requestId: string;
}

/** The gateway's proof for one subgraph request. `issuedAt` (seconds) and `jti` are for tests. */
export async function signGatewayProof(key: string, request: ProofRequest, options: { issuedAt?: number; jti?: string } = {}): Promise<string> {
  const issuedAt = options.issuedAt ?? Math.floor(Date.now() / 1000);
  return new SignJWT({ ath: proofDigest(request.authorization), oph: proofDigest(request.query), rid: request.requestId })
    .setProtectedHeader({ alg: ALGORITHM, typ: PROOF_TYPE })
    .setIssuer(GATEWAY_PROOF_ISSUER)
    .setAudience(request.audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + GATEWAY_PROOF_LIFETIME_SECONDS)
    .setJti(options.jti ?? randomUUID())
    .sign(keyBytes(key));
}

/**
 * The proofs a subgraph has accepted, until they expire: a proof runs once.
 * In memory, per process: enough while a proof lives 30 seconds, since a
 * replay later than that fails on `exp`. With several replicas of one
 * subgraph a proof could run once on each within its life. Memory is
 * bounded by the request rate times the proof's life; entries go in order
 * of expiry, so pruning reads from the front.
 */
export class SpentProofs {
  private readonly spent = new Map<string, number>();

  /** Records `jti` as used until `expiresAtMs`; false when it was already used. */
  spend(jti: string, expiresAtMs: number, nowMs: number = Date.now()): boolean {
    for (const [old, until] of this.spent) {
      if (until > nowMs) break;
      this.spent.delete(old);
    }
    if (this.spent.has(jti)) return false;
    this.spent.set(jti, expiresAtMs);
    return true;
  }

  get size(): number {
    return this.spent.size;
  }
}

/** Why a proof was refused: for the subgraph's log only; the caller learns nothing beyond "invalid". */
export type ProofFailure = "MISSING" | "SIGNATURE_OR_CLAIMS" | "EXPIRED" | "TOKEN_MISMATCH" | "OPERATION_MISMATCH" | "REQUEST_ID_MISMATCH" | "REPLAYED" | "MALFORMED";

export interface ProofCheck {
  key: string;
  /** This subgraph's name: a proof made for another subgraph is refused. */
  audience: string;
  spent: SpentProofs;
}

export interface ReceivedRequest {
  proof: string | undefined;
  authorization: string | undefined;
  query: string | undefined;
  requestId: string;
}

/** Checks a proof against the request it came with: undefined when it holds, else why not. */
export async function checkGatewayProof(check: ProofCheck, received: ReceivedRequest): Promise<ProofFailure | undefined> {
  if (!received.proof) return "MISSING";
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(received.proof, keyBytes(check.key), {
      algorithms: [ALGORITHM],
      typ: PROOF_TYPE,
      issuer: GATEWAY_PROOF_ISSUER,
      audience: check.audience,
      clockTolerance: GATEWAY_PROOF_CLOCK_TOLERANCE_SECONDS,
      maxTokenAge: GATEWAY_PROOF_LIFETIME_SECONDS,
      requiredClaims: ["iat", "exp", "jti", "ath", "oph", "rid"],
    }));
  } catch (error) {
    return error instanceof joseErrors.JWTExpired ? "EXPIRED" : "SIGNATURE_OR_CLAIMS";
  }
  const { ath, oph, rid, jti, exp } = payload;
  if (typeof ath !== "string" || typeof oph !== "string" || typeof rid !== "string" || typeof jti !== "string" || typeof exp !== "number") return "MALFORMED";
  if (ath !== proofDigest(received.authorization ?? "")) return "TOKEN_MISMATCH";
  if (received.query === undefined || oph !== proofDigest(received.query)) return "OPERATION_MISMATCH";
  if (rid !== received.requestId) return "REQUEST_ID_MISMATCH";
  // Spent last, so a proof refused for any other reason does not use up its id.
  if (!check.spent.spend(jti, (exp + GATEWAY_PROOF_CLOCK_TOLERANCE_SECONDS) * 1000)) return "REPLAYED";
  return undefined;
}

/** The operation text of a GraphQL-over-HTTP request: the body's `query`, or the URL's for a GET. */
function queryOf(req: Request): string | undefined {
  if (req.method === "GET") return new URLSearchParams(req.url.split("?")[1] ?? "").get("query") ?? undefined;
  const body: unknown = req.body;
  if (!body || typeof body !== "object" || Array.isArray(body)) return undefined;
  const query = (body as { query?: unknown }).query;
  return typeof query === "string" ? query : undefined;
}

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? undefined : value);

export interface GatewayProofGuardOptions {
  key: string;
  audience: string;
  /** Refuse a request without a proof. Off (outside production by default), a proof that is sent is still checked. */
  required: boolean;
  logger: Logger;
}

/**
 * A subgraph's check, before Apollo parses anything: a request whose proof
 * is missing (when required) or does not hold gets HTTP 401 UNAUTHENTICATED,
 * in the same shape as every other error. The message says only that a
 * gateway proof is required or invalid; the subgraph's log says which check
 * failed. Runs after the request id is set (res.locals.requestId).
 */
export function useGatewayProof({ key, audience, required, logger }: GatewayProofGuardOptions): RequestHandler {
  const spent = new SpentProofs();
  return (req: Request, res: Response, next: NextFunction) => {
    const proof = header(req.headers[GATEWAY_PROOF_HEADER]);
    if (!proof && !required) return next();
    const received: ReceivedRequest = {
      proof,
      authorization: header(req.headers.authorization),
      query: queryOf(req),
      requestId: res.locals.requestId as string,
    };
    checkGatewayProof({ key, audience, spent }, received).then(
      (failure) => {
        if (!failure) return next();
        logger.warn({ failure, subgraph: audience }, "gateway proof refused");
        res.status(401).json({
          errors: [{ message: failure === "MISSING" ? "Gateway proof required" : "Gateway proof invalid", extensions: { code: ErrorCode.UNAUTHENTICATED } }],
        });
      },
      (error: unknown) => next(error),
    );
  };
}
