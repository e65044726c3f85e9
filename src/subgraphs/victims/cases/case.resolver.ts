import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { InvestigationUpdate, PoliceCrime } from "../../../../connectors/police/types";
import { Borough, OrganisationCode } from "../../../platform/domain";
import { appError, ErrorCode } from "../../../platform/errors";
import { pageSize } from "../../../platform/paging";
import { DataCategory } from "../../../policy/categories";
import { referenceTo, SubjectSystem } from "../../../policy/sensitive";
import { CodeRecord, complianceOf } from "../compliance/compliance";
import type { VictimsContext } from "../context";
import { fromSource } from "../../../platform/errors";
import { fromEngine } from "../source-errors";
import { timelineOf } from "../timeline/timeline";
import { VictimInformedRecord } from "../contacts/victim-informed.entity";
import { CaseRecord } from "./case.entity";
import { Case, CaseClosureReason, CaseFileInput, CrimeReference } from "./case.types";
import { EnhancedRightsInput } from "./enhanced-rights.types";

/**
 * What GMP's record says of the case's crime, where GMP's agreements let the
 * caller see it; one batched call per kind per request: the investigation
 * updates and, `forCompliance`, the crime's classification history and flags
 * (offence details), from which Enhanced Rights are worked out, and what GMP
 * recorded of telling the victim. To a caller who may not know the crime
 * exists (Crime's existence category), the case has no crime: nothing, and
 * no refusal that would say there is one.
 */
export async function policeRecord(
  c: CaseRecord,
  ctx: VictimsContext,
  forCompliance: boolean,
): Promise<{ updates: InvestigationUpdate[]; crime: PoliceCrime | null; informed: VictimInformedRecord[] }> {
  const crimeReference = c.crimeReference;
  const none = { updates: [], crime: null, informed: [] };
  if (!crimeReference) return none;
  const crime = { system: SubjectSystem.POLICE_CRIME, ref: crimeReference };
  const record = referenceTo("Crime", crimeReference);
  const known = await ctx.access.decideFor(crime, OrganisationCode.GMP, DataCategory.OFFENCE_DETAILS, record);
  if (known.decision === "DENY") return none;
  const outcome = await ctx.access.decideFor(crime, OrganisationCode.GMP, DataCategory.INVESTIGATION_UPDATES, record);
  if (outcome.decision === "DENY") throw appError(ErrorCode.FORBIDDEN, `Withheld: ${outcome.reason}`, { reason: outcome.reason });
  const [updates, policeCrime, informed] = await Promise.all([
    fromSource(() => ctx.loaders.policeUpdatesByCrime.load(crimeReference)),
    forCompliance ? fromSource(() => ctx.loaders.policeCrimeByReference.load(crimeReference)) : null,
    forCompliance ? ctx.loaders.victimInformedByCrime.load(crimeReference) : [],
  ]);
  return { updates, crime: policeCrime, informed };
}

/** Everything a case's Victims' Code clocks are judged on besides the case itself. */
export async function codeRecordOf(c: CaseRecord, ctx: VictimsContext): Promise<CodeRecord> {
  const [police, contacts, enhancedRights] = await Promise.all([policeRecord(c, ctx, true), ctx.loaders.contactsByCase.load(c.id), ctx.loaders.enhancedRightsByCase.load(c.id)]);
  return { ...police, contacts, enhancedRights };
}

@Resolver(() => Case)
export class CaseResolver {
  @Query(() => Case, { nullable: true })
  case(@Arg("id", () => ID) id: string, @Ctx() ctx: VictimsContext) {
    return ctx.loaders.caseById.load(id);
  }

  @Query(() => [Case], { description: "Most recently opened cases" })
  cases(
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Arg("borough", () => Borough, { nullable: true }) borough: Borough | undefined,
    @Ctx() ctx: VictimsContext,
  ) {
    return ctx.services.cases.recent(pageSize(first), borough ?? undefined);
  }

  @Mutation(() => Case, { description: "Change a case file's borough, thematic lead or worker (not on a closed case)" })
  updateCaseFile(@Arg("caseId", () => ID) caseId: string, @Arg("input", () => CaseFileInput) input: CaseFileInput, @Ctx() ctx: VictimsContext) {
    return ctx.services.cases.updateCaseFile(ctx, caseId, input);
  }

  @Mutation(() => Case, {
    description: "A caseworker's judgement of the victim's Enhanced Rights from a date on, with why: the categories that apply and any reason worked out from the crime that does not. Earlier judgements are kept",
  })
  recordEnhancedRights(@Arg("caseId", () => ID) caseId: string, @Arg("input", () => EnhancedRightsInput) input: EnhancedRightsInput, @Ctx() ctx: VictimsContext) {
    return ctx.services.cases.recordEnhancedRights(ctx, caseId, input);
  }

  @Mutation(() => Case, { description: "Close a case; CONFLICT if it is already closed" })
  closeCase(@Arg("caseId", () => ID) caseId: string, @Arg("reason", () => CaseClosureReason) reason: CaseClosureReason, @Ctx() ctx: VictimsContext) {
    return ctx.services.cases.close(ctx, caseId, reason);
  }

  @Mutation(() => Case, { description: "Reopen a closed case; CONFLICT if it is not closed" })
  reopenCase(@Arg("caseId", () => ID) caseId: string, @Ctx() ctx: VictimsContext) {
    return ctx.services.cases.reopen(ctx, caseId);
  }

  @FieldResolver(() => CrimeReference, { nullable: true, description: "The crime reported to police, if any" })
  crime(@Root() c: Case): CrimeReference | null {
    return c.crimeReference ? { crimeReference: c.crimeReference } : null;
  }

  @FieldResolver()
  async victim(@Root() c: CaseRecord, @Ctx() ctx: VictimsContext) {
    return c.victimId ? ctx.loaders.victimById.load(c.victimId) : null;
  }

  @FieldResolver()
  needsAssessments(@Root() c: CaseRecord, @Ctx() ctx: VictimsContext) {
    return ctx.loaders.needsByCase.load(c.id);
  }

  @FieldResolver()
  contacts(@Root() c: CaseRecord, @Ctx() ctx: VictimsContext) {
    return ctx.loaders.contactsByCase.load(c.id);
  }

  @FieldResolver()
  async surveyResponses(@Root() c: CaseRecord, @Ctx() ctx: VictimsContext) {
    const responses = await ctx.loaders.surveysByCase.load(c.id);
    return responses.map((r) => ({ ...r, rightScores: r.rightScores.map((s) => ({ ...s, caseId: r.caseId })) }));
  }

  @FieldResolver()
  async enhancedRightsRecord(@Root() c: CaseRecord, @Ctx() ctx: VictimsContext) {
    return ctx.loaders.enhancedRightsByCase.load(c.id);
  }

  @FieldResolver()
  async victimsCodeCompliance(@Root() c: CaseRecord, @Ctx() ctx: VictimsContext) {
    const record = await codeRecordOf(c, ctx);
    return fromEngine(() => complianceOf(c, record, ctx.services.clock()));
  }

  @FieldResolver()
  async justiceTimeline(@Root() c: CaseRecord, @Ctx() ctx: VictimsContext) {
    const [{ updates }, contacts] = await Promise.all([policeRecord(c, ctx, false), ctx.loaders.contactsByCase.load(c.id)]);
    return timelineOf(c, updates, contacts);
  }
}
