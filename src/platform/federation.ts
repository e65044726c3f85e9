import { buildSubgraphSchema } from "@apollo/subgraph";
import { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { GraphQLSchema, isInterfaceType, isObjectType, Kind } from "graphql";
import gql from "graphql-tag";
import { buildSchema, BuildSchemaOptions, createResolversMap } from "type-graphql";

/** Federation 2 directives our subgraphs may use. */
const FEDERATION_LINK = `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires", "@provides"])
`;

/** Fields that release personal data carry their category (src/policy/sensitive.ts puts it there). */
const SENSITIVE_DIRECTIVE_SDL = `
  "Personal data of this category: released only where an agreement, consent and relationship allow"
  directive @sensitive(category: String!) on FIELD_DEFINITION
`;

/**
 * Puts each personal-data field's category into its description as well as
 * its @sensitive directive: composition drops custom directives from the
 * supergraph, so the description is how the category reaches the explorer's
 * docs, the committed supergraph codegen reads, and any client introspecting.
 */
function describeCategories(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const directive = field.astNode?.directives?.find((d) => d.name.value === "sensitive");
      const argument = directive?.arguments?.find((a) => a.name.value === "category")?.value;
      if (argument?.kind !== Kind.STRING) continue;
      const note = `Data category: ${argument.value}.`;
      field.description = field.description ? `${field.description}\n\n${note}` : note;
    }
  }
}

export type ReferenceResolvers<TContext> = Record<
  string,
  { __resolveReference(reference: Record<string, unknown>, context: TContext): unknown }
>;

/**
 * Builds a type-graphql schema as an Apollo Federation 2 subgraph: type-graphql
 * emits the SDL (with @key directives) and resolvers, @apollo/subgraph adds
 * `_entities` and `_service`. The way type-graphql's own federation example does it.
 */
export async function buildFederatedSchema<TContext>(
  options: Pick<BuildSchemaOptions, "resolvers" | "orphanedTypes">,
  referenceResolvers: ReferenceResolvers<TContext> = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    ...options,
    skipCheck: true,
    // Sensitive fields resolve to null with an error; keep nullability explicit per field.
    nullableByDefault: false,
  });
  describeCategories(schema);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<TContext>;
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...reference } as GraphQLResolverMap<TContext>[string];
  }
  return buildSubgraphSchema({
    typeDefs: gql`
      ${FEDERATION_LINK}
      ${SENSITIVE_DIRECTIVE_SDL}
      ${printSchemaWithDirectives(schema)}
    `,
    // The context type is ours to know; @apollo/subgraph types resolvers over `unknown`.
    resolvers: resolvers as GraphQLResolverMap<unknown>,
  });
}
