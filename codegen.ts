import type { CodegenConfig } from "@graphql-codegen/cli";
import { createHash } from "node:crypto";

/** Where the generated SDK lives; committed, and a test fails when it is stale. */
export const GENERATED_DIR = "src/sdk/generated/";

/** How an operation's text is named in the safelist; src/gateway/safelist.ts hashes the same way. */
export function operationHash(operation: string): string {
  return createHash("sha256").update(operation).digest("hex");
}

/**
 * `npm run codegen`: typed documents and result types for every operation in
 * schema/operations, over the committed supergraph, and the persisted
 * operations manifest (src/sdk/generated/persisted-documents.json: sha256 of
 * each operation's text → the text) that the gateway's safelist mode accepts.
 */
const config: CodegenConfig = {
  schema: "schema/supergraph.graphql",
  documents: ["schema/operations/**/*.graphql"],
  generates: {
    [GENERATED_DIR]: {
      preset: "client",
      presetConfig: {
        fragmentMasking: false,
        // The bare sha256 hex of the operation's text, as Apollo's persisted-query
        // extension carries it (the preset's own "sha256" adds a "sha256:" prefix).
        // The hash rides on each generated document as __meta__.hash.
        persistedDocuments: { mode: "embedHashInDocument", hashAlgorithm: operationHash },
      },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTimeISO: "string", LocalDate: "string", ID: "string" },
      },
    },
  },
  hooks: {},
};

export default config;
