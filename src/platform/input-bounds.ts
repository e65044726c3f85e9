import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import {
  ASTNode,
  DirectiveLocation,
  DocumentNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  isScalarType,
  Kind,
  OperationDefinitionNode,
  TypeInfo,
  valueFromAST,
  visit,
  getVariableValues,
  visitWithTypeInfo,
} from "graphql";
import { appError, ErrorCode } from "./errors";
import { DEFAULT_BOUND, InputBound, INPUT_BOUNDS, SELF_BOUNDED_SCALARS, UNBOUNDED_FEDERATION_ARGUMENTS } from "./input-bounds.table";

export { INPUT_BOUNDS, SELF_BOUNDED_SCALARS, UNBOUNDED_FEDERATION_ARGUMENTS } from "./input-bounds.table";
export type { InputBound } from "./input-bounds.table";

/** Which bound a value broke, as `extensions.maxLength` or `extensions.maxItems` of its INVALID_INPUT. */
export interface BoundViolation {
  /** Where in the arguments: `input.victim.givenName`, `answers[3].questionId`. */
  argument: string;
  maxLength?: number;
  maxItems?: number;
  node: ASTNode;
}

/**
 * The key a value's bound is kept under in INPUT_BOUNDS: `Type.field.argument`
 * for a field's argument, `InputType.field` for an input object's field,
 * `@directive.argument` for a directive's.
 */
export function argumentKey(parent: string, field: string, argument: string): string {
  return `${parent}.${field}.${argument}`;
}

/**
 * Unicode code points, as PostgreSQL's char_length counts text: a name in a
 * script outside the Basic Multilingual Plane is not charged double.
 */
function codePointsOver(value: string, max: number): boolean {
  if (value.length <= max) return false;
  if (value.length > 2 * max) return true;
  let count = 0;
  for (const _ of value) if (++count > max) return true;
  return false;
}

function checkValue(
  value: unknown,
  type: GraphQLInputType,
  argument: string,
  key: string,
  bounds: Readonly<Record<string, InputBound>>,
  node: ASTNode,
): BoundViolation | undefined {
  if (value === null || value === undefined) return undefined;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    // Input coercion takes a single value for a list of one (GraphQL spec, 3.11 List: input coercion).
    const items = Array.isArray(value) ? value : [value];
    const maxItems = bounds[key]?.maxItems ?? DEFAULT_BOUND.maxItems;
    if (items.length > maxItems) return { argument, maxItems, node };
    for (const [i, item] of items.entries()) {
      const broken = checkValue(item, nullable.ofType as GraphQLInputType, `${argument}[${i}]`, key, bounds, node);
      if (broken) return broken;
    }
    return undefined;
  }
  if (isInputObjectType(nullable)) {
    if (typeof value !== "object") return undefined;
    for (const field of Object.values(nullable.getFields())) {
      const broken = checkValue((value as Record<string, unknown>)[field.name], field.type, `${argument}.${field.name}`, `${nullable.name}.${field.name}`, bounds, node);
      if (broken) return broken;
    }
    return undefined;
  }
  if (isEnumType(nullable) || (isScalarType(nullable) && SELF_BOUNDED_SCALARS.has(nullable.name))) return undefined;
  // String, ID and any scalar not known to parse into a fixed-size value.
  const maxLength = bounds[key]?.maxLength ?? DEFAULT_BOUND.maxLength;
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return codePointsOver(text, maxLength) ? { argument, maxLength, node } : undefined;
}

/**
 * The first argument value of the operation (literal or variable, nested in
 * input objects and lists) over its bound, in document order; undefined when
 * all are within. Variables that do not fit their types are left to
 * execution, which refuses them itself (BAD_USER_INPUT).
 */
export function findBoundViolation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variableInputs: Readonly<Record<string, unknown>> | undefined,
  bounds: Readonly<Record<string, InputBound>> = INPUT_BOUNDS,
): BoundViolation | undefined {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variableInputs ?? {}, { maxErrors: 1 });
  if (coerced.errors) return undefined;
  const variables = coerced.coerced;
  const typeInfo = new TypeInfo(schema);
  let found: BoundViolation | undefined;
  const visitor = visitWithTypeInfo(typeInfo, {
    Argument(node) {
      if (found) return false;
      const definition = typeInfo.getArgument();
      if (!definition) return false;
      const directive = typeInfo.getDirective();
      const key = directive
        ? `@${directive.name}.${definition.name}`
        : argumentKey(typeInfo.getParentType()?.name ?? "", typeInfo.getFieldDef()?.name ?? "", definition.name);
      if (UNBOUNDED_FEDERATION_ARGUMENTS.has(key)) return false;
      found = checkValue(valueFromAST(node.value, definition.type, variables), definition.type, definition.name, key, bounds, node);
      return false;
    },
  });
  // The operation and the fragments it may spread (validation has refused unused ones).
  for (const definition of document.definitions) {
    if (definition === operation || definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition, visitor);
    if (found) break;
  }
  return found;
}

/** The INVALID_INPUT a caller gets for a value over its bound: `extensions.argument` names it. */
export function boundError(violation: BoundViolation): GraphQLError {
  const message =
    violation.maxItems !== undefined
      ? `${violation.argument} has more than ${violation.maxItems} items`
      : `${violation.argument} is longer than ${violation.maxLength} characters`;
  const error = appError(ErrorCode.INVALID_INPUT, message, {
    argument: violation.argument,
    ...(violation.maxItems !== undefined ? { maxItems: violation.maxItems } : { maxLength: violation.maxLength }),
    // Nothing ran: a request error, like an operation over a gateway limit.
    http: { status: 400 },
  });
  return new GraphQLError(error.message, { nodes: [violation.node], extensions: error.extensions });
}

export interface InputBoundsOptions {
  /** The bounds to hold arguments to; INPUT_BOUNDS unless a test says otherwise. */
  bounds?: Readonly<Record<string, InputBound>>;
}

/**
 * Refuses, before anything executes, an operation whose arguments hold a
 * string longer or a list longer than INPUT_BOUNDS allows: INVALID_INPUT
 * naming the argument, HTTP 400, no data, so no resolver runs and nothing is
 * written or audited. The gateway and every subgraph run it, each over its own
 * schema (a subgraph is on a network: it does not rely on the gateway's check).
 */
export function inputBoundsPlugin<TContext extends BaseContext>({ bounds = INPUT_BOUNDS }: InputBoundsOptions = {}): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const violation = findBoundViolation(schema, document, operation, request.variables, bounds);
          if (violation) throw boundError(violation);
        },
      };
    },
  };
}

/** What a schema position needs declared: a length for a string, a size for a list. */
export interface RequiredBound {
  key: string;
  needs: keyof InputBound;
  /** For a list of an enumeration: how many values it has (a caller may rightly name them all). */
  enumValues?: number;
}

/**
 * Every argument and input field of the schema that takes a string (String,
 * ID, or a scalar not in SELF_BOUNDED_SCALARS) or a list, with the bound it
 * needs declared. The completeness test holds INPUT_BOUNDS to this, so an
 * argument cannot be added without a bound.
 */
export function requiredBounds(schema: GraphQLSchema): RequiredBound[] {
  const required: RequiredBound[] = [];
  const need = (key: string, type: GraphQLInputType) => {
    if (UNBOUNDED_FEDERATION_ARGUMENTS.has(key)) return;
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      const item = getNamedType(nullable);
      required.push({ key, needs: "maxItems", ...(isEnumType(item) ? { enumValues: item.getValues().length } : {}) });
      if (isListType(getNullableType(nullable.ofType))) throw new Error(`${key}: lists of lists have no bound to declare`);
    }
    const named = getNamedType(type);
    if (isScalarType(named) && !SELF_BOUNDED_SCALARS.has(named.name)) required.push({ key, needs: "maxLength" });
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) need(`${type.name}.${field.name}`, field.type);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) for (const arg of field.args) need(argumentKey(type.name, field.name, arg.name), arg.type);
    }
  }
  for (const directive of schema.getDirectives()) {
    if (!directive.locations.some((location) => EXECUTABLE_LOCATIONS.has(location))) continue;
    for (const arg of directive.args) need(`@${directive.name}.${arg.name}`, arg.type);
  }
  return required;
}

/** Where a directive can appear in an operation (its arguments are then the caller's input). */
const EXECUTABLE_LOCATIONS: ReadonlySet<DirectiveLocation> = new Set([
  DirectiveLocation.QUERY,
  DirectiveLocation.MUTATION,
  DirectiveLocation.SUBSCRIPTION,
  DirectiveLocation.FIELD,
  DirectiveLocation.FRAGMENT_DEFINITION,
  DirectiveLocation.FRAGMENT_SPREAD,
  DirectiveLocation.INLINE_FRAGMENT,
  DirectiveLocation.VARIABLE_DEFINITION,
]);
