import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, GraphQLSchema, isObjectType } from "graphql";
import { applyMiddleware } from "graphql-middleware";
import { rule, shield } from "graphql-shield";
import type { IRules, ShieldRule } from "graphql-shield/typings/types";
import { OrganisationCode } from "../platform/domain";
import { appError, ErrorCode, storeUnavailable } from "../platform/errors";
import { Role } from "../platform/principal";
import type { GuardedContext } from "./access";
import { classificationProblems, declarationsOf, holderOf, INFRASTRUCTURE_TYPES, TypeDeclaration } from "./sensitive";
import { DenyReason } from "./decide";


export const authenticated = rule({ cache: "contextual" })((_parent, _args, ctx: GuardedContext) =>
  ctx.principal ? true : appError(ErrorCode.UNAUTHENTICATED, "A bearer token is required"),
);

/** Only staff of these organisations may call the field (lists of a holder's own records). */
export const organisationIs = (...organisations: OrganisationCode[]) =>
  rule({ cache: "contextual" })((_parent, _args, ctx: GuardedContext) =>
    organisations.includes(ctx.principal.organisation)
      ? true
      : appError(ErrorCode.FORBIDDEN, `Only ${organisations.join(", ")} may use this field`, { reason: "ROLE_NOT_PERMITTED" }),
  );

export const roleIs = (...roles: Role[]) =>
  rule({ cache: "contextual" })((_parent, _args, ctx: GuardedContext) =>
    ctx.principal.roles.some((r) => roles.includes(r))
      ? true
      : appError(ErrorCode.FORBIDDEN, `Only ${roles.join(", ")} may use this field`, { reason: "ROLE_NOT_PERMITTED" }),
  );

/**
 * What the person's consent or relationship decides; never who the caller is
 * or what their role allows (ReleasedToAddressee). A function, not a constant:
 * decide.ts and this module load in either order.
 */
const releasableToAddressee = (reason: DenyReason) =>
  reason === DenyReason.NO_RELATIONSHIP || reason === DenyReason.NO_CONSENT || reason === DenyReason.CONSENT_WITHDRAWN;

/** A field that releases a category of personal data: decide(), audit, and null with FORBIDDEN and the reason where refused. */
const sensitiveField = (declarations: Map<string, TypeDeclaration>) =>
  rule({ cache: "no_cache" })(async (parent: unknown, _args, ctx: GuardedContext, info) => {
    const declaration = declarations.get(info.parentType.name);
    const category = declaration?.categories.get(info.fieldName);
    if (!declaration?.personal || !category) return forbidden("ROLE_NOT_PERMITTED", "Not released");
    const subject = declaration.personal.subject(parent as never);
    const holder = holderOf(declaration.personal, parent);
    const outcome = await ctx.access.decideFor(subject, holder, category);
    if (outcome.decision === "ALLOW") return true;
    const addressee = declaration.addressees.get(info.fieldName);
    if (addressee && releasableToAddressee(outcome.reason) && addressee(parent) === ctx.principal.organisation) {
      await ctx.access.releaseToAddressee(subject, holder, category);
      return true;
    }
    return forbidden(outcome.reason, `Withheld: ${outcome.reason}`);
  });

function forbidden(reason: string, message: string) {
  return appError(ErrorCode.FORBIDDEN, message, { reason });
}

/**
 * Puts graphql-shield in front of every field of a subgraph schema: root
 * fields by the rules given (an unlisted one is refused), personal data
 * fields by decide(), keys and non-personal types to any authenticated
 * caller, and anything undeclared refused (fallbackRule deny).
 */
export function guardSchema(
  schema: GraphQLSchema,
  classes: readonly unknown[],
  rootRules: { Query?: Record<string, ShieldRule>; Mutation?: Record<string, ShieldRule> },
): GraphQLSchema {
  const declarations = declarationsOf(classes);
  const problems = classificationProblems(schema, declarations);
  if (problems.length) throw new Error(`Unclassified personal data:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  const guardSensitive = sensitiveField(declarations);
  const rules: Record<string, Record<string, ShieldRule>> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || INFRASTRUCTURE_TYPES.test(type.name)) continue;
    const fields = Object.keys(type.getFields());
    if (type.name === "Query" || type.name === "Mutation") {
      const given = rootRules[type.name] ?? {};
      rules[type.name] = Object.fromEntries(fields.filter((f) => given[f] || f === "_entities" || f === "_service").map((f) => [f, given[f] ?? authenticated]));
      continue;
    }
    const declaration = declarations.get(type.name);
    if (!declaration) continue;
    rules[type.name] = Object.fromEntries(
      fields.map((field): [string, ShieldRule] =>
        declaration.kind === "non-personal" || declaration.keys.has(field) ? [field, authenticated] : [field, guardSensitive],
      ),
    );
  }
  return applyMiddleware(
    schema,
    shield(rules as IRules, {
      fallbackRule: rule({ cache: "strict" })(() => forbidden("ROLE_NOT_PERMITTED", "Not released")),
      allowExternalErrors: false,
      // allowExternalErrors: false masks whatever a resolver throws; our own coded
      // errors (INVALID_INPUT, CONFLICT, ...) are meant for the client and pass.
      // The hub's own store down or too slow is SOURCE_UNAVAILABLE, like any source's.
      fallbackError: (thrown: unknown) =>
        thrown instanceof GraphQLError && typeof thrown.extensions.code === "string" && thrown.extensions.code !== ErrorCode.INTERNAL_SERVER_ERROR
          ? thrown
          : (storeUnavailable(thrown) ?? appError(ErrorCode.INTERNAL_SERVER_ERROR, "Internal server error")),
      debug: false,
    }),
  );
}

/**
 * Writes the request's audit events before the response leaves. If they
 * cannot be written, the response carries no data: nothing is released
 * unrecorded. The one error says SOURCE_UNAVAILABLE (the hub's store) where
 * the store was down or too slow, INTERNAL_SERVER_ERROR otherwise.
 */
export function auditPlugin(): ApolloServerPlugin<GuardedContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (!contextValue.access) return;
          try {
            await contextValue.access.flush();
          } catch (error) {
            contextValue.logger.error({ err: error }, "audit write failed; response withheld");
            if (response.body.kind === "single") {
              const coded = storeUnavailable(error) ?? appError(ErrorCode.INTERNAL_SERVER_ERROR, "Internal server error");
              response.body.singleResult = { data: null, errors: [coded] };
            }
          }
        },
      };
    },
  };
}
