/**
 * A minimal typed client: fetch plus the documents `npm run codegen` makes.
 * Any GraphQL client that takes a TypedDocumentNode (urql, Apollo Client,
 * graphql-request) works the same way; this one shows the protocol plainly.
 */
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import persisted from "./generated/persisted-documents.json";
import { CasebridgeResult, RawGraphQLError, toCasebridgeError } from "./errors";

const PERSISTED: Readonly<Record<string, string>> = persisted;

export interface ClientOptions {
  /** e.g. http://localhost:4000/graphql */
  url: string;
  /** A bearer token from the identity provider (`npm run token` in development). */
  token?: string;
  headers?: Record<string, string>;
  fetch?: typeof fetch;
}

/** What every generated document carries: the safelist hash of its operation (`__meta__.hash`). */
type WithHash = { __meta__?: { hash?: string } };

export interface CasebridgeClient {
  execute<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    ...variables: Record<string, never> extends TVariables ? [TVariables?] : [TVariables]
  ): Promise<CasebridgeResult<TData>>;
}

/** The HTTP side failed (no GraphQL body came back); GraphQL errors are values in the result instead. */
export class CasebridgeHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`Casebridge answered HTTP ${status}`);
    this.name = "CasebridgeHttpError";
  }
}

/**
 * Sends a generated operation by its hash alone (Apollo's persisted-query
 * extension), as the gateway's safelist mode requires. A gateway without the
 * safelist that has not seen the hash yet answers PERSISTED_QUERY_NOT_FOUND;
 * the client then sends the operation's text with its hash, once.
 */
export function createClient(options: ClientOptions): CasebridgeClient {
  const doFetch = options.fetch ?? fetch;
  const post = async (body: Record<string, unknown>) => {
    const response = await doFetch(options.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: { data?: unknown; errors?: RawGraphQLError[] };
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      throw new CasebridgeHttpError(response.status, text.slice(0, 500));
    }
    if (parsed.data === undefined && !parsed.errors?.length) throw new CasebridgeHttpError(response.status, text.slice(0, 500));
    return parsed;
  };

  return {
    async execute(document, ...[variables]) {
      const hash = (document as WithHash).__meta__?.hash;
      const text = hash ? PERSISTED[hash] : undefined;
      let answer: { data?: unknown; errors?: RawGraphQLError[] };
      if (hash && text) {
        const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
        answer = await post({ variables, extensions });
        if (answer.errors?.some((e) => e.extensions?.code === "PERSISTED_QUERY_NOT_FOUND")) answer = await post({ query: text, variables, extensions });
      } else {
        // A document made outside codegen: no hash, so plain text (refused where the safelist is on).
        answer = await post({ query: print(document), variables });
      }
      return { data: (answer.data ?? null) as never, errors: (answer.errors ?? []).map(toCasebridgeError) };
    },
  };
}
