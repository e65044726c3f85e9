import type { NextFunction, Request, RequestHandler, Response } from "express";
import { jwtVerify, SignJWT } from "jose";
import type { Logger } from "./logger";

/**
 * A credential one piece of the hub presents to another's internal route (the
 * insights subgraph reading the victims' fact feed): a compact JWT over the
 * hub's shared secret (GATEWAY_SIGNING_KEY, which every piece already holds),
 * naming the piece that calls (`iss`) and the route it is for (`aud`), alive
 * for seconds. Its own `typ` keeps it apart from a gateway proof and from a
 * user's token, so none can stand in for another. An internal route is never
 * reachable through the gateway, which serves only GraphQL.
 */
export const SERVICE_TOKEN_TYPE = "casebridge-service+jwt";
const ALGORITHM = "HS256";
/** Long enough for one hop between pieces; a captured token is useless soon after. */
export const SERVICE_TOKEN_LIFETIME_SECONDS = 30;
const CLOCK_TOLERANCE_SECONDS = 5;

const encoder = new TextEncoder();

export async function signServiceToken(key: string, claims: { issuer: string; audience: string }): Promise<string> {
  const issuedAt = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: ALGORITHM, typ: SERVICE_TOKEN_TYPE })
    .setIssuer(claims.issuer)
    .setAudience(claims.audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + SERVICE_TOKEN_LIFETIME_SECONDS)
    .sign(encoder.encode(key));
}

/** True where `token` is a live service token from one of `issuers` for `audience`. */
export async function verifyServiceToken(key: string, token: string, expected: { issuers: readonly string[]; audience: string }): Promise<boolean> {
  try {
    await jwtVerify(token, encoder.encode(key), {
      algorithms: [ALGORITHM],
      typ: SERVICE_TOKEN_TYPE,
      issuer: [...expected.issuers],
      audience: expected.audience,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      maxTokenAge: SERVICE_TOKEN_LIFETIME_SECONDS,
      requiredClaims: ["iat", "exp"],
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * Express guard for an internal route: a bearer service token from one of
 * `issuers`, or 401 with nothing about why (the log says). Without a key
 * there is no way to tell the hub's pieces from anyone else, so the route
 * refuses everyone: an internal route is never open by default.
 */
export function requireServiceToken(options: { key: string | undefined; issuers: readonly string[]; audience: string; logger: Logger }): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "")?.[1];
    const refuse = (why: string) => {
      options.logger.warn({ audience: options.audience, why }, "internal route refused a request");
      res.status(401).json({ error: "unauthorised" });
    };
    if (!options.key) return refuse("no GATEWAY_SIGNING_KEY: internal routes refuse every request");
    if (!token) return refuse("no service token");
    verifyServiceToken(options.key, token, options).then(
      (valid) => (valid ? next() : refuse("invalid service token")),
      (error: unknown) => next(error),
    );
  };
}
