import { buildSchema } from "graphql";
import { SUBGRAPH_NAMES } from "../platform/config";
import { SUBGRAPHS } from "../subgraphs";
import { DataCategory } from "./categories";
import { classificationProblems, TypeDeclaration } from "./sensitive";

const personal = (name: string, keys: string[], categories: [string, DataCategory][]): [string, TypeDeclaration] => [
  name,
  { name, kind: "personal", keys: new Set(keys), categories: new Map(categories), addressees: new Map() },
];

describe("classification of personal data", () => {
  const schema = buildSchema(`
    type Query { victim: Victim  note: Note }
    type Victim { id: ID!  name: String  dateOfBirth: String!  ethnicity: String }
    type Note { text: String }
  `);

  it("names a personal field with no category, a sensitive field that cannot be null, and an undeclared type", () => {
    const declarations = new Map([personal("Victim", ["id"], [["name", DataCategory.IDENTITY], ["dateOfBirth", DataCategory.IDENTITY]])]);
    expect(classificationProblems(schema, declarations).sort()).toEqual([
      "Note: not declared @PersonalData or @NonPersonal",
      "Victim.dateOfBirth: sensitive but non-null (a refusal must be able to be null)",
      "Victim.ethnicity: personal data with no declared category",
    ]);
  });

  it("finds nothing to say of a fully declared schema", () => {
    const declarations = new Map([
      personal("Victim", ["id", "dateOfBirth"], [["name", DataCategory.IDENTITY], ["ethnicity", DataCategory.PROTECTED_CHARACTERISTICS]]),
      ["Note", { name: "Note", kind: "non-personal", keys: new Set<string>(), categories: new Map(), addressees: new Map() }] as [string, TypeDeclaration],
    ]);
    expect(classificationProblems(schema, declarations)).toEqual([]);
  });

  it.each(SUBGRAPH_NAMES)("builds the %s subgraph only with every type and personal field classified", async (name) => {
    // guardSchema throws on any problem; a schema that builds is fully classified.
    await expect(SUBGRAPHS[name].buildSchema()).resolves.toBeDefined();
  });
});
