import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Kind, parse, StringValueNode } from "graphql";
import { DataCategory } from "./categories";

/**
 * Which categories each subgraph releases, read from the @sensitive
 * directives in its committed SDL (the drift test keeps that SDL true to the
 * code), so that explainAccess can list them without importing any subgraph.
 */
export function categoriesInSchema(subgraph: string, schemaDir = join(__dirname, "..", "..", "schema")): DataCategory[] {
  return [...new Set(sensitiveFieldsInSchema(subgraph, schemaDir).values())].sort();
}

/** Each @sensitive field of a subgraph's committed SDL, as "Type.field", and its category. */
export function sensitiveFieldsInSchema(subgraph: string, schemaDir = join(__dirname, "..", "..", "schema")): Map<string, DataCategory> {
  const document = parse(readFileSync(join(schemaDir, `${subgraph}.graphql`), "utf8"));
  const found = new Map<string, DataCategory>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const field of definition.fields ?? []) {
      for (const directive of field.directives ?? []) {
        if (directive.name.value !== "sensitive") continue;
        const argument = directive.arguments?.find((a) => a.name.value === "category")?.value as StringValueNode | undefined;
        if (argument) found.set(`${definition.name.value}.${field.name.value}`, argument.value as DataCategory);
      }
    }
  }
  return found;
}
