import type { ApolloServerPlugin } from "@apollo/server";
import { defaultFieldResolver, getNamedType, Kind, OperationDefinitionNode, GraphQLError, GraphQLFieldResolver, GraphQLSchema, isListType, isNonNullType, isObjectType, GraphQLOutputType } from "graphql";
import { applyMiddleware } from "graphql-middleware";
import { rule, shield } from "graphql-shield";
import type { IRules, ShieldRule } from "graphql-shield/typings/types";
import type { DataSource } from "typeorm";
import { OrganisationCode } from "../platform/domain";
import { appError, ErrorCode, isAuditedRefusal, storeError } from "../platform/errors";
import { Role } from "../platform/principal";
import { beginUnitOfWork, endUnitOfWork, inUnitOfWork } from "../platform/unit-of-work";
import type { GuardedContext } from "./access";
import { classificationProblems, declarationsOf, holderOf, INFRASTRUCTURE_TYPES, recordReference, TypeDeclaration } from "./sensitive";
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
    const record = recordReference(info.parentType.name, declaration.personal, parent);
    const outcome = await ctx.access.decideFor(subject, holder, category, record);
    if (outcome.decision === "ALLOW") return true;
    const addressee = declaration.addressees.get(info.fieldName);
    if (addressee && releasableToAddressee(outcome.reason) && addressee(parent) === ctx.principal.organisation) {
      await ctx.access.releaseToAddressee(subject, holder, category, record);
      return true;
    }
    return forbidden(outcome.reason, `Withheld: ${outcome.reason}`);
  });

function forbidden(reason: string, message: string) {
  return appError(ErrorCode.FORBIDDEN, message, { reason });
}

/**
 * Whether the caller may know that a record exists: decide() on the
 * record's existence category, or the organisation it is addressed to
 * (whose role must still see personal data). Audited either way, against
 * the record: a record withheld from a list is a refusal like any other.
 */
async function mayKnowOf(declaration: TypeDeclaration, record: unknown, ctx: GuardedContext): Promise<boolean> {
  const personal = declaration.personal;
  if (!personal) return true;
  const subject = personal.subject(record as never);
  const holder = holderOf(personal, record);
  const reference = recordReference(declaration.name, personal, record);
  const existence = typeof personal.existence === "function" ? personal.existence(record as never) : personal.existence;
  const outcome = await ctx.access.decideFor(subject, holder, existence, reference);
  if (outcome.decision === "ALLOW") return true;
  if (releasableToAddressee(outcome.reason) && personal.addressee?.(record as never) === ctx.principal.organisation) {
    await ctx.access.releaseToAddressee(subject, holder, existence, reference);
    return true;
  }
  return false;
}

/**
 * The records of `cls` the caller may know exist, decided (and audited) as
 * the schema's guard decides them: for a resolver that pages, so that a page
 * is made of known records only and neither its length nor `hasNextPage`
 * tells of one left out.
 */
export async function knownRecordsOf<T>(cls: abstract new (...args: never[]) => T, records: readonly T[], ctx: GuardedContext): Promise<T[]> {
  const [declaration] = [...declarationsOf([cls]).values()];
  if (!declaration) throw new Error(`${cls.name} declares no personal data`);
  const known = await Promise.all(records.map((record) => mayKnowOf(declaration, record, ctx)));
  return records.filter((_, i) => known[i]);
}

/** A single record, or null where the caller may not know it exists: the same null an unknown id gets, with no error. */
async function visibleOrNull(declaration: TypeDeclaration, record: unknown, ctx: GuardedContext): Promise<unknown> {
  if (record === null || record === undefined || record instanceof Error) return record;
  return (await mayKnowOf(declaration, record, ctx)) ? record : null;
}

/** The records of a list the caller may know exist, in order; the others are left out, as if they were not there. */
async function visibleOnly(declaration: TypeDeclaration, records: readonly unknown[], ctx: GuardedContext): Promise<unknown[]> {
  const items = await Promise.all(records);
  const known = await Promise.all(items.map((item) => (item === null || item === undefined ? true : mayKnowOf(declaration, item, ctx))));
  return items.filter((_, i) => known[i]);
}

function unwrapNonNull(type: GraphQLOutputType): GraphQLOutputType {
  return isNonNullType(type) ? type.ofType : type;
}

/**
 * Record visibility before field visibility: every field that returns a
 * personal type (root fields, nested fields and federation's `_entities`)
 * returns only records whose existence the caller may know; the rest are
 * null or left out of lists, exactly as if they did not exist. Applied
 * beneath graphql-shield, so a field the shield refuses never resolves.
 */
function guardRecordExistence(schema: GraphQLSchema, declarations: Map<string, TypeDeclaration>): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || (INFRASTRUCTURE_TYPES.test(type.name) && type.name !== "Query")) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve: GraphQLFieldResolver<unknown, GuardedContext> = field.resolve ?? defaultFieldResolver;
      if (type.name === "Query" && field.name === "_entities") {
        // Each representation answers null unless its type's record may be known; positions are kept, as the gateway expects.
        // A list of promises, not one: a representation whose source fails errs at its own index, as without the guard.
        field.resolve = async (parent, args, ctx: GuardedContext, info) => {
          const entities = (await resolve(parent, args, ctx, info)) as unknown[];
          return entities.map(async (pending) => {
            const entity = await pending;
            const declaration = entity && typeof entity === "object" ? declarations.get(String((entity as { __typename?: string }).__typename)) : undefined;
            return declaration ? visibleOrNull(declaration, entity, ctx) : entity;
          });
        };
        continue;
      }
      const declaration = declarations.get(getNamedType(field.type).name);
      if (!declaration?.personal) continue;
      const list = isListType(unwrapNonNull(field.type));
      field.resolve = async (parent, args, ctx: GuardedContext, info) => {
        const value = await resolve(parent, args, ctx, info);
        if (!list) return visibleOrNull(declaration, value, ctx);
        return Array.isArray(value) ? visibleOnly(declaration, value, ctx) : value;
      };
    }
  }
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
  guardRecordExistence(schema, declarations);
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
      // The hub's own store down or too slow is SOURCE_UNAVAILABLE, like any source's; work it rolled back for a concurrent change, CONFLICT.
      fallbackError: (thrown: unknown) =>
        thrown instanceof GraphQLError && typeof thrown.extensions.code === "string" && thrown.extensions.code !== ErrorCode.INTERNAL_SERVER_ERROR
          ? thrown
          : (storeError(thrown) ?? appError(ErrorCode.INTERNAL_SERVER_ERROR, "Internal server error")),
      debug: false,
    }),
  );
}

/**
 * Root fields refused (the caller's organisation or role may not use them,
 * or the resolver refused): each is audited as a refused consultation,
 * unless whoever refused it audited it already.
 */
function auditRefusedOperations(ctx: GuardedContext, operation: OperationDefinitionNode | undefined, errors: readonly GraphQLError[]) {
  if (!operation) return;
  const root = operation.operation === "mutation" ? "Mutation" : "Query";
  // The log names the field, not the alias the caller gave it.
  const fieldByKey = new Map(
    operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [[s.alias?.value ?? s.name.value, s.name.value] as const] : [])),
  );
  for (const error of errors) {
    if (error.path?.length !== 1 || error.extensions?.code !== ErrorCode.FORBIDDEN || isAuditedRefusal(error)) continue;
    const key = String(error.path[0]);
    ctx.access.refuseOperation(`${root}.${fieldByKey.get(key) ?? key}`, String(error.extensions.reason ?? ErrorCode.FORBIDDEN));
  }
}

export interface AuditPluginOptions {
  /** The subgraph's store: a mutation's writes, and the audit of what its answer released, commit there together (src/platform/unit-of-work.ts). */
  dataSource: DataSource;
  /**
   * After a mutation's unit of work commits, before its response leaves:
   * sends the commands it wrote to governance (src/policy/governance-commands.ts),
   * so the caller's next request finds them. A failure is logged, not
   * answered: the change is committed, and the relay sends them later.
   */
  afterCommit?: () => Promise<void>;
}

/**
 * Writes the request's audit events before the response leaves. If they
 * cannot be written, the response carries no data: nothing is released
 * unrecorded. A mutation runs in one unit of work with its audit: committed
 * after the audit is written, rolled back whole where the audit, or any
 * statement of the request, failed, so a caller told it failed finds nothing
 * written. The one error says SOURCE_UNAVAILABLE (the hub's store) where the
 * store was down or too slow, CONFLICT where it rolled the work back for a
 * concurrent change, INTERNAL_SERVER_ERROR otherwise.
 */
export function auditPlugin({ dataSource, afterCommit }: AuditPluginOptions): ApolloServerPlugin<GuardedContext> {
  return {
    async requestDidStart() {
      let refused: readonly GraphQLError[] = [];
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== "mutation") return;
          await beginUnitOfWork(dataSource).catch((error: unknown) => {
            const coded = storeError(error);
            // A hook's error is answered 500 unless it says otherwise; this one is the store's, answered like any field's.
            throw coded ? new GraphQLError(coded.message, { extensions: { ...coded.extensions, http: { status: 200 } } }) : error;
          });
        },
        async didEncounterErrors({ errors }) {
          refused = errors;
        },
        async willSendResponse({ contextValue, response, operation }) {
          if (!contextValue.access) return endUnitOfWork(false);
          auditRefusedOperations(contextValue, operation, refused);
          const refusal = contextValue.access.breakGlassRefusal();
          if (refusal && response.body.kind === "single") {
            // About the whole request, not a field: no path. The ordinary answer stands beside it.
            response.body.singleResult.errors = [...(response.body.singleResult.errors ?? []), refusal];
          }
          const mutation = inUnitOfWork(dataSource);
          let committed = mutation;
          try {
            await contextValue.access.flush();
            await endUnitOfWork(true);
          } catch (thrown) {
            committed = false;
            // Where a statement of the request had already aborted the unit, that is why the rest failed: answered for it.
            const first: unknown = await endUnitOfWork(false).then(
              () => undefined,
              (e: unknown) => e,
            );
            const error = storeError(thrown) || !storeError(first) ? thrown : first;
            // A break-glass over the cap found only as its grants were written (AccessEvaluator.flush) is a refusal, not a fault.
            const refused = error instanceof GraphQLError && error.extensions.code === ErrorCode.FORBIDDEN;
            if (!refused) contextValue.logger.error({ err: error }, "audit write failed; response withheld");
            // A mutation's refusal went with its rolled-back unit: recorded again on its own.
            if (refused && mutation) await contextValue.access.recordBreakGlassLimitReached().catch((e: unknown) => contextValue.logger.error({ err: e }, "break-glass refusal not audited"));
            if (response.body.kind === "single") {
              const coded = refused ? error : (storeError(error) ?? appError(ErrorCode.INTERNAL_SERVER_ERROR, "Internal server error"));
              response.body.singleResult = { data: null, errors: [coded] };
            }
          }
          if (committed && afterCommit) await afterCommit().catch((error: unknown) => contextValue.logger.warn({ err: error }, "governance has yet to apply this mutation's commands; its relay will send them"));
        },
      };
    },
  };
}
