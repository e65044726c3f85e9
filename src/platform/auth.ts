import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors as joseErrors,
  exportJWK,
  generateKeyPair,
  importJWK,
  JWK,
  JWTPayload,
  JWTVerifyGetKey,
  jwtVerify,
  KeyLike,
  SignJWT,
} from "jose";
import { z } from "zod";
import { Principal, Purpose, Role } from "./principal";
import { OrganisationCode } from "./domain";
import { appError, ErrorCode } from "./errors";

const ALGORITHM = "ES256";

/** The claims Casebridge reads; anything else in the token is ignored. */
const claimsSchema = z.object({
  sub: z.string().min(1),
  org: z.nativeEnum(OrganisationCode),
  roles: z.array(z.nativeEnum(Role)).min(1),
  purpose: z.nativeEnum(Purpose),
});

export interface AuthSettings {
  issuer: string;
  audience: string;
  /** Production: the identity provider's JWKS. Unset: the local dev key pair. */
  jwksUrl?: string;
  devKeyFile: string;
  /** The longest a token may live: exp − iat, or exp − now for a token without iat. */
  maxTokenLifetimeSeconds: number;
  /** How far the issuer's clock may be from ours when judging exp, nbf and iat. */
  clockToleranceSeconds: number;
}

export interface TokenVerifier {
  /** The principal, or an UNAUTHENTICATED error (401) that says only what the caller can fix. */
  verify(authorization: string | undefined): Promise<Principal>;
}

export function createVerifier(settings: AuthSettings, keys: JWTVerifyGetKey, now: () => Date = () => new Date()): TokenVerifier {
  return {
    async verify(authorization) {
      const token = /^Bearer ([A-Za-z0-9._-]+)$/.exec(authorization ?? "")?.[1];
      if (!token) throw unauthenticated("A bearer token is required");
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          issuer: settings.issuer,
          audience: settings.audience,
          algorithms: [ALGORITHM, "RS256"],
          requiredClaims: ["exp"],
          clockTolerance: settings.clockToleranceSeconds,
          currentDate: now(),
        }));
      } catch (error) {
        throw unauthenticated(verificationFailure(error));
      }
      const lifetimeProblem = lifetimeFailure(payload, settings, now());
      if (lifetimeProblem) throw unauthenticated(lifetimeProblem);
      const claims = claimsSchema.safeParse(payload);
      if (!claims.success) throw unauthenticated("The token's claims are not valid");
      const { sub, org, roles, purpose } = claims.data;
      return { subject: sub, organisation: org, roles, purpose };
    },
  };
}

/** What went wrong, in terms the caller (or its identity provider's configuration) can fix; nothing about our keys. */
function verificationFailure(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return "The token has expired";
  if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === "exp" && error.reason === "missing") return "The token has no expiry (exp)";
  if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === "nbf") return "The token is not valid yet (nbf)";
  return "The token is not valid";
}

/**
 * Tokens are short-lived (DESIGN.md): a signed token cannot be taken back, so
 * its lifetime bounds how long a stolen one works. Judged on exp − iat, both
 * the issuer's clock; an iat ahead of ours (beyond the tolerance) would
 * stretch that, so it is refused, and a token without iat is judged on
 * exp − now.
 */
export function lifetimeFailure(payload: JWTPayload, settings: Pick<AuthSettings, "maxTokenLifetimeSeconds" | "clockToleranceSeconds">, at: Date): string | null {
  const now = Math.floor(at.getTime() / 1000);
  const { exp, iat } = payload;
  if (typeof exp !== "number") return "The token has no expiry (exp)";
  if (typeof iat === "number" && iat > now + settings.clockToleranceSeconds) return "The token's issue time (iat) is in the future";
  const lifetime = typeof iat === "number" ? exp - iat : exp - now - settings.clockToleranceSeconds;
  if (lifetime > settings.maxTokenLifetimeSeconds) {
    return `The token lives longer than this hub accepts (exp − iat at most ${settings.maxTokenLifetimeSeconds} seconds)`;
  }
  return null;
}

function unauthenticated(message: string) {
  return appError(ErrorCode.UNAUTHENTICATED, message, { http: { status: 401 } });
}

/** The key set to verify against: the identity provider's in production, else the dev key pair's public half. */
export async function verificationKeys(settings: AuthSettings): Promise<JWTVerifyGetKey> {
  if (settings.jwksUrl) return createRemoteJWKSet(new URL(settings.jwksUrl));
  const { publicJwk } = await devKeyPair(settings.devKeyFile);
  return createLocalJWKSet({ keys: [publicJwk] });
}

interface DevKeyPair {
  privateKey: KeyLike | Uint8Array;
  publicJwk: JWK;
}

/**
 * The embedded default's key pair: made on first use and kept in a git-ignored
 * file, so that `npm run token` and `npm start` agree and no key is committed.
 */
export async function devKeyPair(file: string): Promise<DevKeyPair> {
  if (!existsSync(file)) {
    const { publicKey, privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
    const kid = randomUUID();
    const stored = { privateJwk: { ...(await exportJWK(privateKey)), kid, alg: ALGORITHM }, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: ALGORITHM } };
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600, flag: "wx" });
  }
  const { privateJwk, publicJwk } = JSON.parse(readFileSync(file, "utf8")) as { privateJwk: JWK; publicJwk: JWK };
  return { privateKey: await importJWK(privateJwk, ALGORITHM), publicJwk };
}

/**
 * Signs a dev token with the dev key pair: for `npm run token`, tests and the
 * bench. One hour unless asked: the most any hub accepts by default, production included.
 */
export async function signDevToken(
  settings: AuthSettings,
  principal: Principal,
  options: { expiresIn?: string | number; privateKey?: KeyLike | Uint8Array; kid?: string } = {},
): Promise<string> {
  const pair = options.privateKey ? undefined : await devKeyPair(settings.devKeyFile);
  return new SignJWT({ org: principal.organisation, roles: principal.roles, purpose: principal.purpose })
    .setProtectedHeader({ alg: ALGORITHM, kid: options.kid ?? pair?.publicJwk.kid })
    .setSubject(principal.subject)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? "1h")
    .sign(options.privateKey ?? (pair as DevKeyPair).privateKey);
}
