import { Supergraph } from "@apollo/federation-internals";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { GraphQLSchema, parse, validate } from "graphql";
import { SCHEMA_DIR } from "./compose";

/** The operations front ends are built on (the SDK is generated from them, the safelist holds them). */
export const OPERATIONS_DIR = join(SCHEMA_DIR, "operations");

export interface OperationFile {
  readonly file: string;
  readonly text: string;
}

export function readOperations(dir: string = OPERATIONS_DIR): OperationFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".graphql"))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(dir, file), "utf8") }));
}

/**
 * The schema clients see: the supergraph without federation's join
 * machinery, as the gateway (or Apollo Router) serves it.
 */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

/**
 * Every way a schema change breaks the committed operations: each operation
 * that no longer validates against the API schema, with why. A removed or
 * retyped field, argument or enum value an operation uses is caught here, so
 * a change that would break a deployed front end fails `npm run schema:check`
 * rather than the front end.
 */
export function breakingForOperations(supergraphSdl: string, operations: readonly OperationFile[] = readOperations()): string[] {
  const schema = apiSchemaOf(supergraphSdl);
  return operations.flatMap(({ file, text }) => validate(schema, parse(text)).map((error) => `${file}: ${error.message}`));
}
