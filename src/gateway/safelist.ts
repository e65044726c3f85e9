import type { NextFunction, Request, RequestHandler, Response } from "express";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { DocumentNode, Kind, parse, print, SelectionNode, visit } from "graphql";
import { readManifest } from "./persisted-manifest";

/**
 * The persisted operations manifest `npm run codegen` writes from
 * schema/operations: sha256 of each operation's text → the text.
 */
export const MANIFEST_PATH = join(__dirname, "..", "sdk", "generated", "persisted-documents.json");

export const NOT_IN_SAFELIST = "OPERATION_NOT_IN_SAFELIST";

/** The same hash codegen names operations by (codegen.ts operationHash): sha256 hex of the exact text. */
export const operationHash = (text: string): string => createHash("sha256").update(text).digest("hex");

/**
 * The operation with its selections in a fixed order: two texts that differ
 * only in whitespace, comments or the order of fields ask for the same thing.
 */
function canonical(document: DocumentNode): string {
  const key = (s: SelectionNode) =>
    s.kind === Kind.FIELD ? `0${s.alias?.value ?? s.name.value}:${s.name.value}` : s.kind === Kind.FRAGMENT_SPREAD ? `1${s.name.value}` : `2${print(s)}`;
  return print(
    visit(document, {
      SelectionSet: (node) => ({ ...node, selections: [...node.selections].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)) }),
    }),
  );
}

export interface Safelist {
  /** The text of a persisted operation, by hash. */
  textOf(hash: string): string | undefined;
  /** Whether an operation's text is one of the persisted operations (exactly, or the same operation written differently). */
  admits(text: string): boolean;
}

export function createSafelist(manifest: Record<string, string>): Safelist {
  const byHash = new Map(Object.entries(manifest));
  const canonicalForms = new Set([...byHash.values()].map((text) => canonical(parse(text))));
  // Never parse a text far larger than any persisted operation: refusing it costs nothing.
  const longest = Math.max(0, ...[...byHash.values()].map((text) => text.length));
  return {
    textOf: (hash) => byHash.get(hash),
    admits(text) {
      if (byHash.has(operationHash(text))) return true;
      if (text.length > longest * 4 + 1024) return false;
      try {
        return canonicalForms.has(canonical(parse(text, { noLocation: true })));
      } catch {
        return false;
      }
    },
  };
}

/** From either manifest format (key-value, or Apollo's: persisted-manifest.ts), each id checked against its text. */
export function loadSafelist(path: string = MANIFEST_PATH): Safelist {
  return createSafelist(readManifest(path));
}

interface GraphQLParams {
  query?: unknown;
  extensions?: unknown;
}

const persistedHashOf = (extensions: unknown): string | undefined => {
  const persisted = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery;
  return typeof persisted?.sha256Hash === "string" ? persisted.sha256Hash : undefined;
};

function refuse(res: Response, status: number, code: string, message: string): void {
  // For the request counter (src/platform/http.ts): this answer never reaches Apollo.
  res.locals.resultCode = code;
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/**
 * Safelist mode: only the persisted operations in the manifest run. Accepts
 * Apollo's persisted-query extension (`extensions.persistedQuery.sha256Hash`)
 * with no query text, and a full query that is one of the persisted
 * operations; refuses anything else with OPERATION_NOT_IN_SAFELIST (HTTP 400)
 * before the gateway parses, plans or runs it. A hash-only request goes on to
 * Apollo with the persisted text in place of the hash, so it runs whatever
 * Apollo's own persisted-query cache holds.
 */
export function safelistGuard(safelist: Safelist): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const get = req.method === "GET";
    const search = get ? new URLSearchParams(req.url.split("?")[1] ?? "") : undefined;
    let params: GraphQLParams;
    if (search) {
      let extensions: unknown;
      try {
        extensions = search.has("extensions") ? JSON.parse(search.get("extensions") as string) : undefined;
      } catch {
        return refuse(res, 400, "BAD_REQUEST", "The `extensions` parameter is not valid JSON");
      }
      params = { query: search.get("query") ?? undefined, extensions };
    } else if (req.body && typeof req.body === "object" && !Array.isArray(req.body)) {
      params = req.body as GraphQLParams;
    } else {
      return refuse(res, 400, NOT_IN_SAFELIST, "This gateway runs only persisted operations, one per request");
    }

    const hash = persistedHashOf(params.extensions);
    const query = typeof params.query === "string" && params.query.length ? params.query : undefined;
    if (hash !== undefined) {
      const text = safelist.textOf(hash);
      if (text === undefined) {
        return refuse(res, 400, NOT_IN_SAFELIST, `No persisted operation has the hash ${hash.slice(0, 64)}; this gateway runs only the operations in its safelist (schema/operations, built by \`npm run codegen\`)`);
      }
      if (query !== undefined && query !== text) {
        return refuse(res, 400, "BAD_REQUEST", "The persisted-query hash does not match the query text sent with it");
      }
      // Run the safelisted text itself, independent of Apollo's persisted-query cache.
      if (search) {
        search.set("query", text);
        search.delete("extensions");
        req.url = `${req.url.split("?")[0]}?${search.toString()}`;
      } else {
        const { persistedQuery: _persisted, ...otherExtensions } = params.extensions as Record<string, unknown>;
        req.body = { ...(req.body as object), query: text, extensions: otherExtensions };
      }
      return next();
    }
    if (query !== undefined && safelist.admits(query)) return next();
    return refuse(
      res,
      400,
      NOT_IN_SAFELIST,
      "This gateway runs only persisted operations and this one is not in its safelist: add it under schema/operations, run `npm run codegen`, and send its hash (extensions.persistedQuery.sha256Hash)",
    );
  };
}
