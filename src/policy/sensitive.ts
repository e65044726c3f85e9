import { GraphQLSchema, isNonNullType, isObjectType } from "graphql";
import { Directive } from "type-graphql";
import { OrganisationCode } from "../platform/domain";
import { DataCategory } from "./categories";

/** Systems whose local references governance links to a subject (the person the data is about). */
export enum SubjectSystem {
  POLICE_CRIME = "police-crime",
  GMVS_CASE = "gmvs-case",
  /** A person on GMVS's register (victims.victim): linked to the same subject as their cases. */
  GMVS_VICTIM = "gmvs-victim",
  /** Governance's own subject id (consents, audit events): the reference is the subject. */
  SUBJECT = "subject",
}

/**
 * How a type that holds personal data names its subject, its holder (the
 * organisation whose record it is) and the category of data its existence
 * is: a record whose existence category decide() refuses the caller is, to
 * that caller, a record that does not exist (null, absent from lists), ids
 * and references included.
 */
export interface PersonalDataDeclaration<T = never> {
  /** null: a record about nobody in particular (an audit event with no subject); only its holder may know it. */
  subject(parent: T): { system: SubjectSystem; ref: string } | null;
  holder: OrganisationCode | ((parent: T) => OrganisationCode);
  /**
   * What knowing the record exists tells about the person: a MARAC
   * referral's existence is RISK, a support episode's SUPPORT. A function
   * where records of one type tell different things (a worklist item is as
   * telling as the record it names).
   */
  existence: DataCategory | ((parent: T) => DataCategory);
  /**
   * The organisation a record is addressed to, which knows it exists whatever
   * decide() says of the person (a referral the partner declined still
   * exists for it, so that it stops); the caller's role must still see personal data.
   */
  addressee?(parent: T): OrganisationCode | null;
  /** The record's own reference for the audit (default: its `id`, else its `crimeReference`). */
  reference?(parent: T): string | null;
}

export interface TypeDeclaration {
  name: string;
  kind: "personal" | "non-personal";
  personal?: PersonalDataDeclaration<unknown>;
  /** Fields that identify or link records rather than describe the person (federation keys, references). */
  keys: ReadonlySet<string>;
  categories: ReadonlyMap<string, DataCategory>;
  /** Fields also released to the organisation a record is addressed to, whatever decide() says of the person (ReleasedToAddressee). */
  addressees: ReadonlyMap<string, (parent: unknown) => OrganisationCode | null>;
}

// Keyed by class: the same GraphQL name (a federation entity such as Case)
// can be declared differently by different subgraphs in one process.
const declared = new Map<unknown, { name: string; kind: "personal" | "non-personal"; personal?: PersonalDataDeclaration<unknown>; keys: Set<string> }>();
const categoriesByClass = new Map<unknown, Map<string, DataCategory>>();
const addresseesByClass = new Map<unknown, Map<string, (parent: unknown) => OrganisationCode | null>>();

/** Class decorator: instances hold personal data about one subject; every field not in `keys` must be @Sensitive. */
export function PersonalData<T>(graphqlName: string, declaration: PersonalDataDeclaration<T>, keys: string[] = []): ClassDecorator {
  return (target) => {
    declared.set(target, { name: graphqlName, kind: "personal", personal: declaration as PersonalDataDeclaration<unknown>, keys: new Set(keys) });
  };
}

/** Class decorator: this type holds no personal data; `why` is for the reader and the review. */
export function NonPersonal(graphqlName: string, why: string): ClassDecorator {
  void why;
  return (target) => {
    declared.set(target, { name: graphqlName, kind: "non-personal", keys: new Set() });
  };
}

/**
 * Field decorator: the field releases personal data of this category, so it
 * is nullable, guarded by decide() and audited; the category shows in the
 * subgraph's SDL as @sensitive(category: ...).
 */
export function Sensitive(category: DataCategory): PropertyDecorator {
  const directive = Directive(`@sensitive(category: "${category}")`) as PropertyDecorator;
  return (target, property) => {
    const byField = categoriesByClass.get(target.constructor) ?? new Map<string, DataCategory>();
    byField.set(String(property), category);
    categoriesByClass.set(target.constructor, byField);
    directive(target, property);
  };
}

/**
 * Field decorator, beside @Sensitive: the field describes the record itself
 * (a referral's status and times), not the person, and the organisation the
 * record is addressed to may read it even where decide() refuses it the
 * person's data: after a referral is withdrawn, declined or closed the
 * partner's relationship with the victim ends, yet it must still see that
 * the referral it holds was withdrawn, so that it stops contacting her. The
 * caller's role must still be one that sees personal data; the release is
 * audited with reason REFERRAL_ADDRESSEE. Never on free text or the person's data.
 */
export function ReleasedToAddressee<T>(addressee: (parent: T) => OrganisationCode | null): PropertyDecorator {
  return (target, property) => {
    const byField = addresseesByClass.get(target.constructor) ?? new Map<string, (parent: unknown) => OrganisationCode | null>();
    byField.set(String(property), addressee as (parent: unknown) => OrganisationCode | null);
    addresseesByClass.set(target.constructor, byField);
  };
}

/** The declarations of the classes a subgraph builds its schema from, by GraphQL type name. */
export function declarationsOf(classes: readonly unknown[]): Map<string, TypeDeclaration> {
  const result = new Map<string, TypeDeclaration>();
  for (const cls of classes) {
    const d = declared.get(cls);
    if (!d) throw new Error(`${String((cls as { name?: string }).name)} is neither @PersonalData nor @NonPersonal`);
    result.set(d.name, { ...d, categories: categoriesByClass.get(cls) ?? new Map(), addressees: addresseesByClass.get(cls) ?? new Map() });
  }
  return result;
}

export function holderOf(declaration: PersonalDataDeclaration<unknown>, parent: unknown): OrganisationCode {
  return typeof declaration.holder === "function" ? declaration.holder(parent as never) : declaration.holder;
}

/** How the audit names one record: its GraphQL type and its own reference (e.g. `MaracReferral:3f2c…`). */
export function recordReference(typeName: string, declaration: PersonalDataDeclaration<unknown>, parent: unknown): string {
  const own = parent as { id?: unknown; crimeReference?: unknown };
  const reference = declaration.reference ? declaration.reference(parent as never) : (own.id ?? own.crimeReference ?? null);
  return referenceTo(typeName, reference === null || reference === undefined ? "?" : String(reference));
}

/** How the audit names one record ("Case:<id>", "Crime:<reference>"), for a check made outside the guards. */
export function referenceTo(typeName: string, reference: string): string {
  return `${typeName}:${reference}`;
}

/** Types the federation machinery and introspection add; their fields carry no personal data of their own. */
export const INFRASTRUCTURE_TYPES = /^(_Service|_Entity|_Any|__.*)$/;
const ROOT_TYPES = new Set(["Query", "Mutation"]);

/**
 * What keeps personal data from slipping out unguarded: every object type in
 * the schema is declared; every field of a personal type is a key or has a
 * category; every categorised field is nullable (a refusal is a null).
 */
export function classificationProblems(schema: GraphQLSchema, declarations: Map<string, TypeDeclaration>): string[] {
  const problems: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || INFRASTRUCTURE_TYPES.test(type.name) || ROOT_TYPES.has(type.name)) continue;
    const d = declarations.get(type.name);
    if (!d) {
      problems.push(`${type.name}: not declared @PersonalData or @NonPersonal`);
      continue;
    }
    if (d.kind === "non-personal") continue;
    for (const field of Object.values(type.getFields())) {
      if (d.keys.has(field.name)) continue;
      if (!d.categories.has(field.name)) problems.push(`${type.name}.${field.name}: personal data with no declared category`);
      else if (isNonNullType(field.type)) problems.push(`${type.name}.${field.name}: sensitive but non-null (a refusal must be able to be null)`);
    }
  }
  return problems;
}
