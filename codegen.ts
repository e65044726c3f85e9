import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * `npm run codegen`: typed documents and result types for every operation in
 * schema/operations, over the committed supergraph.
 */
const config: CodegenConfig = {
  schema: "schema/supergraph.graphql",
  documents: ["schema/operations/**/*.graphql"],
  generates: {
    "src/sdk/generated/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
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
