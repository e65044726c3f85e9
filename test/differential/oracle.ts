import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { OrganisationCode } from "../../src/platform/domain";
import { Purpose, Role } from "../../src/platform/principal";
import { DataCategory } from "../../src/policy/categories";
import type { Caller, World, WorldVictim } from "./world";

/**
 * The oracle: what a caller may know of a world, and the exact response the
 * hub should give. Written from the rules as README.md's access-control
 * section and DESIGN.md state them, over the agreement files read here
 * directly; it shares no code with src/policy (decide(), the declarations,
 * the catalogue), so a mistake there is not repeated here.
 *
 * The rule, as this file reads it:
 * - only caseworkers and supervisors see personal data (ROLE_NOT_PERMITTED);
 * - an organisation sees its own records;
 * - anyone else needs an open relationship with the person (NO_RELATIONSHIP;
 *   a record governance cannot link to a person has none), an agreement in
 *   force from the holder to it for the category (NO_AGREEMENT) and the
 *   purpose (PURPOSE_NOT_COVERED), and, unless one such agreement needs no
 *   consent, the person's consent in force to it for the category and
 *   purpose (CONSENT_WITHDRAWN where the only one was withdrawn, else NO_CONSENT);
 * - a supervisor's well-formed break-glass reason (an incident or
 *   safeguarding reference and a justification) overrides any refusal but
 *   the role's;
 * - a record's existence is known on the same terms for its existence
 *   category; a referral also to the organisation it is addressed to, and
 *   its status and times too, where the refusal is about the person
 *   (relationship or consent), not about the caller.
 */

interface AgreementFile {
  id: string;
  version: number;
  holder: OrganisationCode;
  recipients: OrganisationCode[];
  categories: DataCategory[];
  purposes: Purpose[];
  requiresConsent: boolean;
  startsOn: string;
  endsOn: string | null;
}

const AGREEMENTS_DIR = join(__dirname, "..", "..", "src", "subgraphs", "governance", "agreements", "data");

export function agreementFiles(): AgreementFile[] {
  return readdirSync(AGREEMENTS_DIR)
    .filter((f) => f.endsWith(".json"))
    .map((f) => JSON.parse(readFileSync(join(AGREEMENTS_DIR, f), "utf8")) as AgreementFile);
}


export type Verdict = { allow: true } | { allow: false; reason: string };

export class Oracle {
  private readonly agreements: AgreementFile[];
  constructor(readonly world: World, now: Date = new Date()) {
    const day = now.toISOString().slice(0, 10);
    // In force today by its file's dates, unless the world holds it ended.
    this.agreements = agreementFiles().filter((a) => a.startsOn <= day && (a.endsOn === null || day <= a.endsOn) && !world.expiredAgreements.includes(a.id));
  }

  /** Whether the caller may have `category` of `person`'s data held by `holder` (null person: a record governance links to nobody). */
  verdict(caller: Caller, person: WorldVictim | null, holder: OrganisationCode, category: DataCategory): Verdict {
    const base = this.rule(caller, person, holder, category);
    if (base.allow || base.reason === "ROLE_NOT_PERMITTED") return base;
    return this.breaksGlass(caller) ? { allow: true } : base;
  }

  private breaksGlass(caller: Caller): boolean {
    return caller.roles.includes(Role.SUPERVISOR) && caller.breakGlass !== null;
  }

  private rule(caller: Caller, person: WorldVictim | null, holder: OrganisationCode, category: DataCategory): Verdict {
    if (!caller.roles.some((r) => r === Role.CASEWORKER || r === Role.SUPERVISOR)) return { allow: false, reason: "ROLE_NOT_PERMITTED" };
    if (caller.organisation === holder) return { allow: true };
    const known = person !== null && person.linked;
    if (!known || !person.relationships.some((r) => r.organisation === caller.organisation && !r.closed)) return { allow: false, reason: "NO_RELATIONSHIP" };
    const forCategory = this.agreements.filter((a) => a.holder === holder && a.recipients.includes(caller.organisation) && a.categories.includes(category));
    if (forCategory.length === 0) return { allow: false, reason: "NO_AGREEMENT" };
    const forPurpose = forCategory.filter((a) => a.purposes.includes(caller.purpose));
    if (forPurpose.length === 0) return { allow: false, reason: "PURPOSE_NOT_COVERED" };
    if (forPurpose.some((a) => !a.requiresConsent)) return { allow: true };
    const given = person.consents.filter(
      (c) => c.recipient === caller.organisation && c.categories.includes(category) && c.purposes.includes(caller.purpose) && c.state !== "NOT_YET_GIVEN",
    );
    if (given.some((c) => c.state === "GIVEN")) return { allow: true };
    return { allow: false, reason: given.length > 0 ? "CONSENT_WITHDRAWN" : "NO_CONSENT" };
  }

  /** Whether a refusal may be set aside for the organisation a record is addressed to: it is about the person, not the caller. */
  static aboutThePerson(reason: string): boolean {
    return reason === "NO_RELATIONSHIP" || reason === "NO_CONSENT" || reason === "CONSENT_WITHDRAWN";
  }
}

// ---------------------------------------------------------------------------
// What each type is: its holder, whom it is about, what its existence tells,
// and each field's category and value as the world gives them.

export interface Rec {
  type: TypeName;
  victim: WorldVictim | null;
  data: Record<string, unknown>;
}

export type TypeName =
  | "Case"
  | "Crime"
  | "StalkingTriage"
  | "InvestigationUpdate"
  | "ProtectiveOrder"
  | "ServiceEpisode"
  | "RiskAssessment"
  | "MaracReferral"
  | "SafetyPlan"
  | "SupportAction"
  | "OutcomeMeasure"
  | "HourglassCaseDetails"
  | "Referral";

type Field =
  | { kind: "key" }
  | { kind: "value"; category: DataCategory; addressee?: true }
  /** A field leading to other records: guarded as a field where it has a category, and each record by its existence. */
  | { kind: "records"; category?: DataCategory; list: boolean; of: (r: Rec, ctx: RenderContext) => Rec | Rec[] | null };

interface TypeSpec {
  holder: (r: Rec) => OrganisationCode;
  existence: DataCategory;
  addressee?: (r: Rec) => OrganisationCode;
  fields: Record<string, Field>;
}

const key: Field = { kind: "key" };
const v = (category: DataCategory, addressee?: true): Field => ({ kind: "value", category, addressee });
const { SUPPORT, RISK, OFFENCE_DETAILS, INVESTIGATION_UPDATES, CASE_NOTES, ADDRESS, IDENTITY, PROTECTED_CHARACTERISTICS, DEMOGRAPHICS } = DataCategory;
const partnerHeld = (r: Rec) => r.data.provider as OrganisationCode;
const valuesOf = (victim: WorldVictim | null, type: TypeName, rows: Record<string, unknown>[]) => rows.map((data) => ({ type, victim, data }));

export function caseRec(victim: WorldVictim): Rec {
  return { type: "Case", victim, data: { id: victim.caseId, caseReference: victim.caseReference, borough: victim.borough, thematicLead: victim.thematicLead, status: "OPEN", openedAt: victim.openedAt } };
}

export function crimeRec(victim: WorldVictim): Rec {
  const c = victim.crime;
  return {
    type: "Crime",
    victim,
    data: {
      crimeReference: c.crimeReference,
      recordedAt: c.recordedAt,
      offenceCode: c.offenceCode,
      offenceDescription: c.offenceDescription,
      borough: c.borough,
      status: c.status,
      domesticAbuse: c.domesticAbuse,
      stalking: c.stalking,
      hateCrimeStrand: c.hateCrimeStrand,
      victimRef: c.victimRef,
    },
  };
}

export function referralRec(victim: WorldVictim, id: string): Rec | null {
  const r = victim.referrals.find((x) => x.id === id);
  return r ? { type: "Referral", victim, data: { ...r } } : null;
}

export const TYPES: Record<TypeName, TypeSpec> = {
  Case: {
    holder: () => OrganisationCode.GMVS,
    existence: SUPPORT,
    fields: {
      id: key,
      caseReference: key,
      borough: v(ADDRESS),
      thematicLead: v(CASE_NOTES),
      status: v(SUPPORT),
      openedAt: v(SUPPORT),
      crime: { kind: "records", list: false, of: (r) => crimeRec(r.victim!) },
      episodes: {
        kind: "records",
        list: true,
        of: (r) =>
          valuesOf(r.victim, "ServiceEpisode", [
            ...(r.victim!.pankhurst?.episodes ?? []).map((e) => ({
              id: e.id,
              provider: OrganisationCode.PANKHURST,
              service: e.service,
              worker: e.worker,
              status: e.endedAt === null ? "ACTIVE" : "CLOSED",
              startedAt: e.startedAt,
              endedAt: e.endedAt,
            })),
            // Hourglass's returns give days: an episode starts at its day's midnight UTC.
            ...(r.victim!.hourglass
              ? [
                  {
                    id: r.victim!.hourglass.episodeId,
                    provider: OrganisationCode.HOURGLASS,
                    service: "Older people's specialist support",
                    worker: r.victim!.hourglass.worker,
                    status: "ACTIVE",
                    startedAt: `${r.victim!.hourglass.episodeStart}T00:00:00.000Z`,
                    endedAt: null,
                  },
                ]
              : []),
          ]),
      },
      riskAssessments: {
        kind: "records",
        list: true,
        of: (r) =>
          valuesOf(
            r.victim,
            "RiskAssessment",
            [...r.victim!.riskAssessments]
              .sort((a, b) => a.assessedAt.localeCompare(b.assessedAt))
              .map((a) => ({ id: a.id, provider: a.partner, origin: "CASEBRIDGE", tool: null, assessedAt: a.assessedAt, assessor: a.assessor, score: null, level: null, maracReferralRequired: null })),
          ),
      },
      maracReferrals: {
        kind: "records",
        list: true,
        of: (r) =>
          valuesOf(
            r.victim,
            "MaracReferral",
            [...r.victim!.maracReferrals].sort((a, b) => a.raisedAt.localeCompare(b.raisedAt)).map((m) => ({ id: m.id, provider: m.partner, assessmentId: m.assessmentId, raisedAt: m.raisedAt, reasons: m.reasons })),
          ),
      },
      safetyPlans: {
        kind: "records",
        list: true,
        of: (r) => valuesOf(r.victim, "SafetyPlan", (r.victim!.pankhurst?.safetyPlans ?? []).map((p) => ({ id: p.id, provider: OrganisationCode.PANKHURST, createdAt: p.createdAt, nextReviewDue: p.nextReviewDue }))),
      },
      supportActions: {
        kind: "records",
        list: true,
        of: (r) => valuesOf(r.victim, "SupportAction", (r.victim!.pankhurst?.supportActions ?? []).map((a) => ({ ...a, provider: OrganisationCode.PANKHURST }))),
      },
      outcomes: {
        kind: "records",
        list: true,
        of: (r) => valuesOf(r.victim, "OutcomeMeasure", (r.victim!.pankhurst?.outcomes ?? []).map((o) => ({ ...o, provider: OrganisationCode.PANKHURST }))),
      },
      hourglass: {
        kind: "records",
        list: false,
        of: (r) => {
          const h = r.victim!.hourglass;
          if (!h) return null;
          const older = h.ageBand !== "UNDER_60" && h.ageBand !== "NOT_KNOWN";
          return {
            type: "HourglassCaseDetails",
            victim: r.victim,
            data: { provider: OrganisationCode.HOURGLASS, olderVictim: older, ageBand: h.ageBand, economicAbuse: h.economicAbuse, specialistWorker: h.worker, latestReturnMonth: "2026-11" },
          };
        },
      },
      // Referrals are GMVS's and the addressee's business: a party filter before any existence rule.
      referrals: {
        kind: "records",
        list: true,
        of: (r, ctx) =>
          [...r.victim!.referrals]
            .filter((x) => ctx.caller.organisation === OrganisationCode.GMVS || x.partner === ctx.caller.organisation)
            .sort((a, b) => a.sentAt.localeCompare(b.sentAt) || a.id.localeCompare(b.id))
            .map((x) => ({ type: "Referral" as const, victim: r.victim, data: { ...x } })),
      },
    },
  },
  Crime: {
    holder: () => OrganisationCode.GMP,
    existence: OFFENCE_DETAILS,
    fields: {
      crimeReference: key,
      recordedAt: v(OFFENCE_DETAILS),
      offenceCode: v(OFFENCE_DETAILS),
      offenceDescription: v(OFFENCE_DETAILS),
      borough: v(OFFENCE_DETAILS),
      status: v(INVESTIGATION_UPDATES),
      domesticAbuse: v(OFFENCE_DETAILS),
      stalking: v(OFFENCE_DETAILS),
      hateCrimeStrand: v(PROTECTED_CHARACTERISTICS),
      victimRef: v(IDENTITY),
      stalkingTriage: {
        kind: "records",
        category: RISK,
        list: false,
        of: (r) => (r.victim!.crime.triage ? { type: "StalkingTriage", victim: r.victim, data: { risk: r.victim!.crime.triage } } : null),
      },
      // The police API gives a crime's updates oldest first.
      updates: {
        kind: "records",
        category: INVESTIGATION_UPDATES,
        list: true,
        of: (r) => valuesOf(r.victim, "InvestigationUpdate", [...r.victim!.crime.updates].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))),
      },
      orders: { kind: "records", category: INVESTIGATION_UPDATES, list: true, of: (r) => valuesOf(r.victim, "ProtectiveOrder", r.victim!.crime.orders) },
    },
  },
  StalkingTriage: { holder: () => OrganisationCode.GMP, existence: RISK, fields: { risk: v(RISK) } },
  InvestigationUpdate: {
    holder: () => OrganisationCode.GMP,
    existence: INVESTIGATION_UPDATES,
    fields: { id: key, kind: v(INVESTIGATION_UPDATES), occurredAt: v(INVESTIGATION_UPDATES), summary: v(INVESTIGATION_UPDATES) },
  },
  ProtectiveOrder: {
    holder: () => OrganisationCode.GMP,
    existence: INVESTIGATION_UPDATES,
    fields: {
      id: key,
      kind: v(INVESTIGATION_UPDATES),
      status: v(INVESTIGATION_UPDATES),
      appliedOn: v(INVESTIGATION_UPDATES),
      grantedOn: v(INVESTIGATION_UPDATES),
      expiresOn: v(INVESTIGATION_UPDATES),
    },
  },
  ServiceEpisode: {
    holder: partnerHeld,
    existence: SUPPORT,
    fields: { id: key, provider: v(SUPPORT), service: v(SUPPORT), worker: v(SUPPORT), status: v(SUPPORT), startedAt: v(SUPPORT), endedAt: v(SUPPORT) },
  },
  RiskAssessment: {
    holder: partnerHeld,
    existence: RISK,
    fields: { id: key, provider: v(RISK), origin: v(RISK), tool: v(RISK), assessedAt: v(RISK), assessor: v(RISK), score: v(RISK), level: v(RISK), maracReferralRequired: v(RISK) },
  },
  MaracReferral: { holder: partnerHeld, existence: RISK, fields: { id: key, provider: v(RISK), assessmentId: v(RISK), raisedAt: v(RISK), reasons: v(RISK) } },
  SafetyPlan: { holder: partnerHeld, existence: SUPPORT, fields: { id: key, provider: v(SUPPORT), createdAt: v(SUPPORT), nextReviewDue: v(SUPPORT) } },
  SupportAction: { holder: partnerHeld, existence: SUPPORT, fields: { id: key, provider: v(SUPPORT), kind: v(SUPPORT), date: v(SUPPORT), status: v(SUPPORT) } },
  OutcomeMeasure: { holder: partnerHeld, existence: SUPPORT, fields: { id: key, provider: v(SUPPORT), measure: v(SUPPORT), value: v(SUPPORT), recordedAt: v(SUPPORT) } },
  HourglassCaseDetails: {
    holder: partnerHeld,
    existence: SUPPORT,
    fields: { olderVictim: v(DEMOGRAPHICS), ageBand: v(DEMOGRAPHICS), economicAbuse: v(CASE_NOTES), specialistWorker: v(SUPPORT), latestReturnMonth: v(SUPPORT) },
  },
  Referral: {
    holder: () => OrganisationCode.GMVS,
    existence: SUPPORT,
    addressee: (r) => r.data.partner as OrganisationCode,
    fields: {
      id: key,
      case: { kind: "records", category: SUPPORT, list: false, of: (r) => caseRec(r.victim!) },
      partner: v(SUPPORT),
      service: v(SUPPORT),
      reason: v(CASE_NOTES),
      status: v(SUPPORT, true),
      sentAt: v(SUPPORT, true),
      receivedAt: v(SUPPORT, true),
      acceptedAt: v(SUPPORT, true),
      declinedAt: v(SUPPORT, true),
      declineReason: v(CASE_NOTES),
      withdrawnAt: v(SUPPORT, true),
      closedAt: v(SUPPORT, true),
    },
  },
};

// ---------------------------------------------------------------------------
// Rendering the expected response.

/** A selection: a field and, for records, the selection under it. */
export interface Sel {
  name: string;
  sub?: Sel[];
}

export interface ExpectedError {
  message: string;
  path: (string | number)[];
  extensions: { code: string; reason: string; serviceName?: string };
}

export interface RenderContext {
  oracle: Oracle;
  caller: Caller;
  errors: ExpectedError[];
  /** Through the gateway, which names the subgraph an error came from (extensions.serviceName). */
  viaGateway: boolean;
  /** Records that exist and were shown, and that exist and were withheld: to show both happen. */
  shown: number;
  withheld: number;
}

/** The subgraph that resolves a field: where the gateway says a refusal came from. */
export function serviceOf(type: TypeName, field: string): string {
  if (type === "Case") return ["id", "caseReference", "borough", "thematicLead", "status", "openedAt", "crime"].includes(field) ? "victims" : "partners";
  if (type === "Crime" || type === "StalkingTriage" || type === "InvestigationUpdate" || type === "ProtectiveOrder") return "police";
  return "partners";
}

export function refusal(ctx: RenderContext, reason: string, message: string, path: (string | number)[], service: string): ExpectedError {
  return { message, path, extensions: { code: "FORBIDDEN", reason, ...(ctx.viaGateway ? { serviceName: service } : {}) } };
}

const personOf = (r: Rec) => (r.victim && r.victim.linked ? r.victim : null);

/** Whether the caller may know the record exists: its existence category, or being the organisation it is addressed to. */
export function mayKnow(ctx: RenderContext, r: Rec): boolean {
  const spec = TYPES[r.type];
  const verdict = ctx.oracle.verdict(ctx.caller, personOf(r), spec.holder(r), spec.existence);
  const known = verdict.allow || (spec.addressee !== undefined && Oracle.aboutThePerson(verdict.reason) && spec.addressee(r) === ctx.caller.organisation);
  if (known) ctx.shown++;
  else ctx.withheld++;
  return known;
}

/** A record the caller may know, with the fields selected; null where it may not (no error, as for a record that does not exist). */
export function renderRecord(ctx: RenderContext, r: Rec | null, sel: Sel[], path: (string | number)[]): Record<string, unknown> | null {
  if (r === null || !mayKnow(ctx, r)) return null;
  return renderFields(ctx, r, sel, path);
}

export function renderList(ctx: RenderContext, records: Rec[], sel: Sel[], path: (string | number)[]): Record<string, unknown>[] {
  return records.filter((r) => mayKnow(ctx, r)).map((r, i) => renderFields(ctx, r, sel, [...path, i]));
}

/** The fields of a record already known to exist (federation stubs, and records just checked). */
export function renderFields(ctx: RenderContext, r: Rec, sel: Sel[], path: (string | number)[]): Record<string, unknown> {
  const spec = TYPES[r.type];
  const out: Record<string, unknown> = {};
  for (const s of sel) {
    const field = spec.fields[s.name];
    if (!field) throw new Error(`the oracle does not model ${r.type}.${s.name}`);
    const here = [...path, s.name];
    if (field.kind === "key") {
      out[s.name] = r.data[s.name];
      continue;
    }
    if (field.category !== undefined) {
      const verdict = ctx.oracle.verdict(ctx.caller, personOf(r), spec.holder(r), field.category);
      const addressed = !verdict.allow && field.kind === "value" && field.addressee && spec.addressee?.(r) === ctx.caller.organisation && Oracle.aboutThePerson(verdict.reason);
      if (!verdict.allow && !addressed) {
        out[s.name] = null;
        ctx.errors.push(refusal(ctx, verdict.reason, `Withheld: ${verdict.reason}`, here, serviceOf(r.type, s.name)));
        continue;
      }
    }
    if (field.kind === "value") {
      out[s.name] = r.data[s.name] ?? null;
      continue;
    }
    const target = field.of(r, ctx);
    out[s.name] = field.list ? renderList(ctx, target as Rec[], s.sub ?? [], here) : renderRecord(ctx, target as Rec | null, s.sub ?? [], here);
  }
  return out;
}

/** The GraphQL text of a selection. */
export function printSelection(sel: Sel[]): string {
  return sel.map((s) => (s.sub ? `${s.name} { ${printSelection(s.sub)} }` : s.name)).join(" ");
}
