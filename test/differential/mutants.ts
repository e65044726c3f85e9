import { readFileSync } from "node:fs";
import Module from "node:module";
import { join } from "node:path";
import ts from "typescript";

/**
 * Single-condition removals from the access policy, for the mutation
 * harness (`npm run oracle -- --mutants`): each names one condition of
 * decide(), the break-glass rule, the record-existence guard or the
 * referral party rule, and the source text that removes it. A mutant is
 * applied in a process of its own, as the module is loaded (nothing in src
 * can switch it on), and the differential run must then disagree with the
 * oracle. A mutant whose text no longer matches the source fails loudly, so
 * the list is kept in step with the code.
 */

export interface Mutant {
  name: string;
  file: string;
  find: string;
  replace: string;
  /** Why the differential test cannot see it, where that is expected (an equivalent mutant). */
  equivalent?: string;
}

const DECIDE = "src/policy/decide.ts";
const ACCESS = "src/policy/access.ts";
const SHIELD = "src/policy/shield.ts";
const REFERRALS = "src/subgraphs/partners/referrals/referral.service.ts";

export const MUTANTS: Mutant[] = [
  { name: "decide: role may see personal data", file: DECIDE, find: "if (!principal.roles.some((role) => ROLES_SEEING_PERSONAL_DATA.has(role))) return deny(DenyReason.ROLE_NOT_PERMITTED);", replace: "" },
  { name: "decide: holder's own record", file: DECIDE, find: 'if (principal.organisation === subject.holder) return { decision: "ALLOW", basis: "OWN_RECORD", agreementId: null, consentId: null };', replace: "" },
  { name: "decide: open relationship required", file: DECIDE, find: "if (!related) return deny(DenyReason.NO_RELATIONSHIP);", replace: "" },
  { name: "decide: relationship known subject", file: DECIDE, find: "const related = subject.id !== null && ", replace: "const related = " , equivalent: "a subject governance does not know has no facts loaded, so no relationship can match it" },
  { name: "decide: relationship is the subject's", file: DECIDE, find: "r.subjectId === subject.id && r.organisation === asker", replace: "r.organisation === asker", equivalent: "relationships are loaded by subject: every one loaded is the subject's" },
  { name: "decide: relationship is the asker's", file: DECIDE, find: "r.subjectId === subject.id && r.organisation === asker && ", replace: "r.subjectId === subject.id && " },
  { name: "decide: relationship is open", file: DECIDE, find: " && r.closedAt === null);", replace: ");" },
  { name: "decide: agreement from the holder", file: DECIDE, find: "(a) => a.holder === subject.holder && ", replace: "(a) => " },
  { name: "decide: agreement to the asker", file: DECIDE, find: "a.recipients.includes(asker) && a.categories.includes(category)", replace: "a.categories.includes(category)" },
  { name: "decide: agreement covers the category", file: DECIDE, find: "a.recipients.includes(asker) && a.categories.includes(category) && ", replace: "a.recipients.includes(asker) && " },
  { name: "decide: agreement in force", file: DECIDE, find: " && inForce(a, facts.now),", replace: "," },
  { name: "decide: agreement covers the purpose", file: DECIDE, find: "const forPurpose = covering.filter((a) => a.purposes.includes(purpose));", replace: "const forPurpose = covering;" },
  { name: "decide: consent where the agreement needs it", file: DECIDE, find: "const withoutConsent = forPurpose.find((a) => !a.requiresConsent);", replace: "const withoutConsent = forPurpose[0];" },
  { name: "decide: consent is the subject's", file: DECIDE, find: "(c) => c.subjectId === subject.id && c.recipient === asker", replace: "(c) => c.recipient === asker", equivalent: "consents are loaded by subject: every one loaded is the subject's" },
  { name: "decide: consent to the asker", file: DECIDE, find: " && c.recipient === asker && ", replace: " && " },
  { name: "decide: consent covers the category", file: DECIDE, find: " && c.categories.includes(category) && ", replace: " && " },
  { name: "decide: consent covers the purpose", file: DECIDE, find: " && c.purposes.includes(purpose) && ", replace: " && " },
  { name: "decide: consent already given", file: DECIDE, find: " && c.givenAt <= facts.now,", replace: "," },
  { name: "decide: consent not withdrawn", file: DECIDE, find: "const current = matching.find((c) => c.withdrawnAt === null || c.withdrawnAt > facts.now);", replace: "const current = matching[0];" },
  {
    name: "break-glass: supervisors only",
    file: ACCESS,
    find: "this.breakGlass !== null && this.principal.roles.includes(Role.SUPERVISOR) && OVERRIDABLE.has(reason)",
    replace: "this.breakGlass !== null && OVERRIDABLE.has(reason)",
    equivalent:
      "the gateway and every subgraph refuse a non-supervisor's break-glass header as they build the request's context (breakGlassRequest), so no evaluator ever holds one; test/break-glass.test.ts tests that refusal",
  },
  {
    name: "break-glass: a reason given",
    file: ACCESS,
    find: "return this.breakGlassAdmitted && this.breakGlass !== null && ",
    replace: "return this.breakGlassAdmitted && ",
    equivalent: "admitBreakGlass admits only a request that gave a reason, so an admitted request always has one",
  },
  {
    name: "break-glass: overridable reasons only",
    file: ACCESS,
    find: "this.principal.roles.includes(Role.SUPERVISOR) && OVERRIDABLE.has(reason)",
    replace: "this.principal.roles.includes(Role.SUPERVISOR)",
    equivalent: "break-glass needs a supervisor, and a supervisor's role always sees personal data: the one reason not overridable (ROLE_NOT_PERMITTED) never reaches it",
  },
  { name: "existence: decide() on the existence category", file: SHIELD, find: "const outcome = await ctx.access.decideFor(subject, holder, personal.existence, reference);\n  if (outcome.decision === \"ALLOW\") return true;", replace: "const outcome = await ctx.access.decideFor(subject, holder, personal.existence, reference);\n  return true;" },
  { name: "existence: addressee knows its referral", file: SHIELD, find: "if (releasableToAddressee(outcome.reason) && personal.addressee?.(record as never) === ctx.principal.organisation) {", replace: "if (false) {" },
  { name: "existence: addressee only where the refusal is about the person", file: SHIELD, find: "if (releasableToAddressee(outcome.reason) && personal.addressee?.(record as never)", replace: "if (personal.addressee?.(record as never)" },
  {
    name: "existence: addressee is the caller",
    file: SHIELD,
    find: "if (releasableToAddressee(outcome.reason) && personal.addressee?.(record as never) === ctx.principal.organisation) {",
    replace: "if (releasableToAddressee(outcome.reason) && personal.addressee) {",
    equivalent: "only GMVS and the addressee ever get a referral (the party rule, whose own mutant is killed), and GMVS holds it",
  },
  { name: "existence: single records", file: SHIELD, find: "if (!list) return visibleOrNull(declaration, value, ctx);", replace: "if (!list) return value;" },
  { name: "existence: lists", file: SHIELD, find: "return Array.isArray(value) ? visibleOnly(declaration, value, ctx) : value;", replace: "return value;" },
  { name: "existence: federation _entities", file: SHIELD, find: "return declaration ? visibleOrNull(declaration, entity, ctx) : entity;", replace: "return entity;" },
  { name: "fields: decide() on the field's category", file: SHIELD, find: "const outcome = await ctx.access.decideFor(subject, holder, category, record);\n    if (outcome.decision === \"ALLOW\") return true;", replace: "const outcome = await ctx.access.decideFor(subject, holder, category, record);\n    return true;" },
  { name: "fields: addressee sees its referral's status", file: SHIELD, find: "if (addressee && releasableToAddressee(outcome.reason) && addressee(parent) === ctx.principal.organisation) {", replace: "if (false) {" },
  {
    name: "fields: addressee only where the refusal is about the person",
    file: SHIELD,
    find: "if (addressee && releasableToAddressee(outcome.reason) && addressee(parent)",
    replace: "if (addressee && addressee(parent)",
    equivalent:
      "every field released to the addressee is SUPPORT, the referral's existence category: where the refusal is about the caller the referral itself is withheld (the existence mutant of the same condition is killed), so these fields are never asked",
  },
  {
    name: "fields: addressee is the caller",
    file: SHIELD,
    find: "if (addressee && releasableToAddressee(outcome.reason) && addressee(parent) === ctx.principal.organisation) {",
    replace: "if (addressee && releasableToAddressee(outcome.reason)) {",
    equivalent: "only GMVS and the addressee ever get a referral (the party rule), and GMVS holds it",
  },
  { name: "referrals: only GMVS and the addressee are party", file: REFERRALS, find: "return organisation === HOLDER || referral.partner === organisation;", replace: "return true;" },
];

const ROOT = join(__dirname, "..", "..");

/**
 * Loads `mutant.file` with the mutant applied whenever this process
 * requires it: call before anything from src is loaded (ts-node must be
 * registered, as `npm run oracle` does).
 */
export function installMutant(mutant: Mutant): void {
  const target = join(ROOT, mutant.file);
  const source = readFileSync(target, "utf8");
  const at = source.indexOf(mutant.find);
  if (at < 0 || source.indexOf(mutant.find, at + 1) >= 0) throw new Error(`mutant "${mutant.name}" no longer matches ${mutant.file} exactly once: update test/differential/mutants.ts`);
  const mutated = source.slice(0, at) + mutant.replace + source.slice(at + mutant.find.length);
  const extensions = (Module as unknown as { _extensions: Record<string, (module: NodeModule, filename: string) => void> })._extensions;
  const original = extensions[".ts"];
  if (!original) throw new Error("ts-node is not registered");
  extensions[".ts"] = (module, filename) => {
    if (filename !== target) return original(module, filename);
    const { outputText } = ts.transpileModule(mutated, {
      fileName: filename,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        experimentalDecorators: true,
        emitDecoratorMetadata: true,
        esModuleInterop: true,
        useDefineForClassFields: false,
      },
    });
    (module as unknown as { _compile(code: string, filename: string): void })._compile(outputText, filename);
  };
}
