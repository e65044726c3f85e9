import type { RequestHandler } from "express";

/**
 * Cross-origin requests from browsers (Fetch standard, "CORS protocol":
 * https://fetch.spec.whatwg.org/#http-cors-protocol), for the origins
 * listed in CORS_ORIGINS only.
 *
 * A listed origin gets its own origin echoed back, never `*`: callers send
 * an Authorization header, and `*` would let any site's page read what a
 * token it got hold of can see. Every preflight (OPTIONS with
 * Access-Control-Request-Method) is answered here with 204 and no body,
 * before the GraphQL layer: an unlisted origin's simply carries no allow
 * headers, which is how a browser is told no. Were it passed on, Apollo
 * would answer a bodiless OPTIONS with a 4xx, which a browser reports as a
 * failed preflight with nothing to say why.
 */
export interface CorsOptions {
  /** Exact origins, as a browser sends them in `Origin`; empty: no CORS headers at all. */
  origins: readonly string[];
  /** Request headers a listed origin may send (content-type and authorization always). */
  allowHeaders?: readonly string[];
  /** Response headers a listed origin's script may read. */
  exposeHeaders?: readonly string[];
  /** How long a browser may keep a preflight's answer, in seconds. */
  maxAgeSeconds?: number;
}

export function useCors({ origins, allowHeaders = [], exposeHeaders = ["x-request-id"], maxAgeSeconds = 600 }: CorsOptions): RequestHandler {
  const allowed = new Set(origins);
  const headers = [...new Set(["authorization", "content-type", ...allowHeaders.map((h) => h.toLowerCase())])].join(", ");
  return (req, res, next) => {
    const origin = req.headers.origin;
    const preflight = req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined;
    // Caches must key answers by Origin whenever the answer depends on it.
    if (allowed.size > 0) res.vary("Origin");
    const listed = origin !== undefined && allowed.has(origin);
    if (listed) {
      res.setHeader("Access-Control-Allow-Origin", origin);
      if (!preflight) res.setHeader("Access-Control-Expose-Headers", exposeHeaders.join(", "));
    }
    if (!preflight) return next();
    if (listed) {
      res.setHeader("Access-Control-Allow-Methods", "GET, POST");
      res.setHeader("Access-Control-Allow-Headers", headers);
      res.setHeader("Access-Control-Max-Age", String(maxAgeSeconds));
    }
    res.status(204).end();
  };
}
