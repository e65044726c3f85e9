import type { ApolloServerOptions, ApolloServerPlugin, BaseContext } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { GraphQLArmorConfig } from "@escape.tech/graphql-armor-types";
import { GraphQLError, ValidationContext, ValidationRule } from "graphql";
import { ErrorCode } from "../platform/errors";

/** The limits an operation must keep to (config: GRAPHQL_MAX_*; README, configuration). */
export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  maxCost: number;
}

/** Which limit an operation broke: `extensions.limit` of an OPERATION_LIMIT_EXCEEDED error. */
export enum OperationLimit {
  DEPTH = "DEPTH",
  ALIASES = "ALIASES",
  TOKENS = "TOKENS",
  DIRECTIVES = "DIRECTIVES",
  COST = "COST",
}

/**
 * A subgraph sees the gateway's plan of an operation, not the operation: the
 * planner adds `__typename`, key fields and `... on Type` around each entity
 * fetch. Subgraphs apply the same limits times this, so that no plan of an
 * operation the gateway admitted is ever refused, while a caller who reaches a
 * subgraph directly (it is on the internal network; it checks the token too)
 * still cannot send an unbounded one.
 */
export const SUBGRAPH_HEADROOM = 2;

export function subgraphLimits(limits: OperationLimits): OperationLimits {
  return {
    maxDepth: limits.maxDepth * SUBGRAPH_HEADROOM,
    maxAliases: limits.maxAliases * SUBGRAPH_HEADROOM,
    maxTokens: limits.maxTokens * SUBGRAPH_HEADROOM,
    maxDirectives: limits.maxDirectives * SUBGRAPH_HEADROOM,
    maxCost: limits.maxCost * SUBGRAPH_HEADROOM,
  };
}

type LimitOptions = Required<Pick<ApolloServerOptions<BaseContext>, "validationRules" | "plugins">> &
  Pick<ApolloServerOptions<BaseContext>, "allowBatchedHttpRequests" | "csrfPrevention" | "parseOptions">;

/**
 * graphql-armor's depth, alias, directive and cost limits, each refusal
 * marked with the limit it broke: one configuration for Apollo Server here
 * and for armor's Envelop plugin where another server (the gateway
 * comparison's Hive Gateway) must refuse exactly what the hub refuses.
 */
export function armorConfig(limits: OperationLimits): GraphQLArmorConfig {
  const refuse =
    (limit: OperationLimit, max: number) =>
    (ctx: ValidationContext | null, error: GraphQLError): void => {
      ctx?.reportError(limitError(limit, max, error.message));
    };
  return {
    // Fragments are how codegen'd front ends share selections; they add no work,
    // so they count neither as a level of depth nor as an extra cost factor.
    maxDepth: { n: limits.maxDepth, flattenFragments: true, propagateOnRejection: false, onReject: [refuse(OperationLimit.DEPTH, limits.maxDepth)] },
    maxAliases: { n: limits.maxAliases, propagateOnRejection: false, onReject: [refuse(OperationLimit.ALIASES, limits.maxAliases)] },
    maxDirectives: { n: limits.maxDirectives, propagateOnRejection: false, onReject: [refuse(OperationLimit.DIRECTIVES, limits.maxDirectives)] },
    costLimit: { maxCost: limits.maxCost, flattenFragments: true, propagateOnRejection: false, onReject: [refuse(OperationLimit.COST, limits.maxCost)] },
    // The token limit runs in graphql-js's own parser (parseOptions below):
    // armor's token plugin parses every document a second time to count.
    maxTokens: { enabled: false },
    // refusalMessages (below) strips suggestions from every error; armor's mask,
    // like Apollo Server's hideSchemaDetailsFromClientErrors, misses those in
    // variable errors ("Did you mean the enum value ...").
    blockFieldSuggestion: { enabled: false },
  };
}

/**
 * The operation limits of one Apollo Server, as options to spread into its
 * constructor: graphql-armor's depth, alias, token, directive and cost limits,
 * each refusal a 400 with code OPERATION_LIMIT_EXCEEDED, `extensions.limit`
 * and `extensions.max`; no batched operations; CSRF prevention; and, outside
 * development, no field or enum suggestions and no schema export over `_service`.
 */
export function operationLimits(limits: OperationLimits, options: { development: boolean; subgraph?: boolean }): LimitOptions {
  const armor = new ApolloArmor(armorConfig(limits)).protect();
  const validationRules: ValidationRule[] = [...armor.validationRules];
  if (options.subgraph && !options.development) validationRules.push(noSchemaExport);
  return {
    validationRules,
    plugins: [...(armor.plugins as ApolloServerPlugin<BaseContext>[]), refusalMessages(limits, options.development)],
    // graphql-js stops parsing at the token limit: a huge document costs no more than a small one.
    parseOptions: { maxTokens: limits.maxTokens },
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
  };
}

const LIMIT_MARK = "operationLimit";

function limitError(limit: OperationLimit, max: number, message: string): GraphQLError {
  // armor words every refusal as a "Syntax Error", which it is not.
  return new GraphQLError(`Operation refused: ${message.replace(/^Syntax Error: /, "")}`, { extensions: { [LIMIT_MARK]: limit, max } });
}

/**
 * Apollo Server stamps every validation error GRAPHQL_VALIDATION_FAILED and
 * every parse error GRAPHQL_PARSE_FAILED; a front end needs to tell "your
 * operation is too big" from "your operation does not fit the schema", so a
 * limit's refusal leaves as OPERATION_LIMIT_EXCEEDED. Outside development,
 * "Did you mean ..." goes from every message: it reads the schema out to
 * whoever guesses.
 */
function refusalMessages(limits: OperationLimits, development: boolean): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            // An error from outside execution (a failed fetch to a subgraph) can come with none.
            const extensions = (error.extensions ?? {}) as Record<string, unknown>;
            if (typeof extensions[LIMIT_MARK] === "string") {
              extensions.limit = extensions[LIMIT_MARK];
              delete extensions[LIMIT_MARK];
              extensions.code = ErrorCode.OPERATION_LIMIT_EXCEEDED;
            } else if (extensions.code === "GRAPHQL_PARSE_FAILED" && /Document contains more tha[nt] \d+ tokens/.test(error.message)) {
              // graphql-js's own wording, "more that N tokens", as of 16.x
              error.message = `Operation refused: Token limit of ${limits.maxTokens} exceeded.`;
              Object.assign(extensions, { code: ErrorCode.OPERATION_LIMIT_EXCEEDED, limit: OperationLimit.TOKENS, max: limits.maxTokens });
            }
            if (!development) error.message = withoutSuggestions(error.message);
          }
        },
      };
    },
  };
}

/** Field, argument, type and enum value suggestions, as graphql-js words them. */
export function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean .*\?$/s, "");
}

/**
 * `_service { sdl }` is introspection by another name: it returns a subgraph's
 * whole schema. Nothing needs it over HTTP (the gateway runs the committed
 * supergraph), so outside development a subgraph refuses it like `__schema`.
 */
const noSchemaExport: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === "_service" && context.getParentType()?.name === "Query") {
      context.reportError(new GraphQLError("The subgraph schema is not available outside development", { nodes: [node] }));
    }
  },
});
