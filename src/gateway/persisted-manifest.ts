import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Kind, OperationDefinitionNode, parse } from "graphql";
import { operationHash } from "./safelist";

/**
 * The persisted operations in Apollo's manifest format, beside the key-value
 * one codegen writes (src/sdk/generated/persisted-documents.json, sha256 of
 * the text → the text, which The Guild's tools read): the same operations,
 * the same ids (sha256 of the body, Apollo's default), for Apollo Router's
 * `persisted_queries` and GraphOS. `npm run codegen` writes it; the
 * staleness check compares it.
 */
// Beside the generated schema (compose.ts SCHEMA_DIR), named without importing it: compose loads every subgraph.
export const APOLLO_MANIFEST_PATH = join(__dirname, "..", "..", "schema", "persisted-query-manifest.json");

export interface ApolloPersistedQueryManifest {
  format: "apollo-persisted-query-manifest";
  version: 1;
  operations: { id: string; name: string; type: "query" | "mutation" | "subscription"; body: string }[];
}

function operationOf(body: string): OperationDefinitionNode {
  const operations = parse(body).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1 || !operations[0]!.name) throw new Error(`A persisted document must hold one named operation: ${body.slice(0, 80)}`);
  return operations[0]!;
}

/** The Apollo manifest of key-value persisted documents, in a stable order (by operation name). */
export function apolloManifestOf(documents: Readonly<Record<string, string>>): ApolloPersistedQueryManifest {
  const operations = Object.entries(documents).map(([id, body]) => {
    const operation = operationOf(body);
    return { id, name: operation.name!.value, type: operation.operation, body };
  });
  operations.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { format: "apollo-persisted-query-manifest", version: 1, operations };
}

export const renderApolloManifest = (documents: Readonly<Record<string, string>>): string => `${JSON.stringify(apolloManifestOf(documents), null, 2)}\n`;

/**
 * Persisted documents (id → body) from either format, each id checked to be
 * the sha256 of its body: a manifest whose ids do not name their texts would
 * let the safelist admit one text under another's name.
 */
export function documentsOf(manifest: unknown): Record<string, string> {
  const entries: [string, unknown][] =
    manifest && typeof manifest === "object" && (manifest as { format?: unknown }).format === "apollo-persisted-query-manifest"
      ? ((manifest as ApolloPersistedQueryManifest).operations ?? []).map((o) => [o.id, o.body])
      : Object.entries((manifest ?? {}) as Record<string, unknown>);
  const documents: Record<string, string> = {};
  for (const [id, body] of entries) {
    if (typeof body !== "string" || operationHash(body) !== id) throw new Error(`Persisted operation ${id} is not the sha256 of its text`);
    documents[id] = body;
  }
  return documents;
}

export const readManifest = (path: string): Record<string, string> => documentsOf(JSON.parse(readFileSync(path, "utf8")));
