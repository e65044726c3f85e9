import { createHmac } from "node:crypto";
import type { FactKind } from "./facts";

/**
 * The fact key: HMAC-SHA-256 of the source's own record key under a secret
 * (INSIGHTS_PSEUDONYM_KEY). The same record always gets the same key, so a
 * refresh replaces the fact rather than adding it twice; without the secret
 * nobody can go from a key back to the case, or test a guessed case id against
 * the store (a plain hash of a case id could be tested so).
 */
export function factKey(secret: string, factKind: FactKind, source: string, sourceKey: string): string {
  return createHmac("sha256", secret).update(`${factKind}\u0000${source}\u0000${sourceKey}`).digest("hex");
}
