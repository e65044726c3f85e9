import { SourceUnavailableError } from "../../../../connectors/contract";
import type { CrimeFlags, InvestigationUpdate, PoliceCrime, ProtectiveOrder, ProtectiveOrderKind, ProtectiveOrderStatus } from "../../../../connectors/police/types";
import { AgeBand, Borough, Disability, Ethnicity, Sex } from "../../../platform/domain";
import { CaseRecord } from "../cases/case.entity";
import { CaseService } from "../cases/case.service";
import { CaseClosureReason, CaseStatus, ReferralRoute, ThematicLead } from "../cases/case.types";
import { assessCase, CodeRecord } from "../compliance/compliance";
import { ContactService } from "../contacts/contact.service";
import { VictimService } from "../people/victim.service";
import { SurveyService } from "../survey/survey.service";
import { EntitlementStatus } from "../victims-code/engine";
import { EntitlementCode } from "../victims-code/rules";
import { londonDateOf } from "../victims-code/working-days";

/**
 * What insights may know about one case: pseudonymised facts, never a name,
 * a date of birth, a contact detail, a worker, a crime reference or any id
 * but the case id (not an order's either) (insights needs one key to replace a case's earlier facts;
 * the hub hashes it before anything is stored). Entitlements come in the
 * engine's order (by triggering event) and survey responses oldest first, so
 * the nth of each keeps its place when a case is sent again. The month is London time; the referral's
 * timestamps are given for waiting times, which insights stores only as
 * whole days. Insights aggregates them under disclosure control.
 */
export interface CaseFact {
  caseId: string;
  /** "YYYY-MM", London time. */
  openedMonth: string;
  borough: Borough;
  thematicLead: ThematicLead;
  referralRoute: ReferralRoute | null;
  status: CaseStatus;
  closureReason: CaseClosureReason | null;
  /** The victim opted out of the police referral (Victims' Code Right 4). */
  referralDeclined: boolean;
  /** When GMVS received the referral (or opened the case, where no referral came). */
  referredAt: Date;
  /** The first contact with the victim on or after referredAt; null before one. */
  firstContactAt: Date | null;
  /** The case has a crime reported to the police (a police referral, or a self-referral with a crime reference). */
  reportedToPolice: boolean;
  /** The crime's current Home Office class and flags; null without a crime, or when the police source could not answer (policeUnavailable). */
  crime: { homeOfficeCode: string; flags: CrimeFlags } | null;
  ageBand: AgeBand | null;
  sex: Sex | null;
  ethnicity: Ethnicity | null;
  disability: Disability | null;
  /** Whole hours from GMVS receiving the referral (or opening the case) to the first contact with the victim; null before one. */
  firstContactHours: number | null;
  /**
   * Each Victims' Code entitlement's outcome, with the London month (YYYY-MM) it arose in: the month of the
   * event that started its clock. Null when the police source could not answer (see CaseFactsBatch.policeUnavailable).
   */
  entitlements: { entitlement: EntitlementCode; right: number; month: string; enhancedRights: boolean; status: EntitlementStatus }[] | null;
  /** Each survey response's scores, 1 to 5, oldest response first. */
  surveys: { overall: number | null; rightScores: { right: number; score: number }[] }[];
  /**
   * The protective orders (SPO, DAPN, DAPO) on the case's crime as the police
   * record holds them now, oldest application first, each with the month
   * (YYYY-MM) it was applied for (a notice: given). The record keeps only an
   * order's latest status, so a breach shows only while the order's status
   * is BREACHED. Null when the police source could not answer.
   */
  protectiveOrders: { kind: ProtectiveOrderKind; status: ProtectiveOrderStatus; appliedMonth: string }[] | null;
}

/** Where the feed has got to: the last case change read. Opaque to insights; pass it back. */
export interface FactsWatermark {
  updatedAt: Date;
  caseId: string;
}

export interface CaseFactsBatch {
  facts: CaseFact[];
  /** Pass back for the next batch; the same watermark when nothing changed. */
  watermark: FactsWatermark | null;
  hasMore: boolean;
  /** The police source did not answer: entitlements are null in this batch; read it again later. */
  policeUnavailable: boolean;
}

const HOUR_MS = 3_600_000;

/**
 * The "feed insights" hook: facts for the cases changed since a watermark,
 * oldest change first. A plain typed function over the victims services; the
 * insights store calls it. One statement per kind of record and one police
 * call per batch.
 */
export class CaseFactsService {
  constructor(
    private readonly cases: CaseService,
    private readonly victims: VictimService,
    private readonly contacts: ContactService,
    private readonly surveys: SurveyService,
    private readonly police: {
      updatesForCrimes(references: readonly string[]): Promise<InvestigationUpdate[][]>;
      ordersForCrimes(references: readonly string[]): Promise<ProtectiveOrder[][]>;
      fetchByKeys(references: readonly string[]): Promise<(PoliceCrime | null)[]>;
    },
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async changedSince(watermark: FactsWatermark | null, limit = 100): Promise<CaseFactsBatch> {
    const changed = await this.cases.changedSince(watermark, limit + 1);
    const hasMore = changed.length > limit;
    const kases = changed.slice(0, limit);
    if (kases.length === 0) return { facts: [], watermark, hasMore: false, policeUnavailable: false };
    const { facts, policeUnavailable } = await this.factsOf(kases);
    const last = kases[kases.length - 1]!;
    return { facts, watermark: { updatedAt: last.updatedAt, caseId: last.id }, hasMore, policeUnavailable };
  }

  /**
   * The facts of the given cases (a partner referral's context: the hub joins
   * referrals out to their case's facts), in the order asked; null for an
   * unknown case. The same statements as one batch of changedSince.
   */
  async forCases(caseIds: readonly string[]): Promise<{ facts: (CaseFact | null)[]; policeUnavailable: boolean }> {
    const kases = (await this.cases.findByIds(caseIds)).filter((k): k is CaseRecord => k !== null);
    const { facts, policeUnavailable } = await this.factsOf(kases);
    const byId = new Map(facts.map((f) => [f.caseId, f]));
    return { facts: caseIds.map((id) => byId.get(id) ?? null), policeUnavailable };
  }

  private async factsOf(kases: CaseRecord[]): Promise<{ facts: CaseFact[]; policeUnavailable: boolean }> {
    if (kases.length === 0) return { facts: [], policeUnavailable: false };
    const now = this.clock();
    const ids = kases.map((k) => k.id);
    const crimes = [...new Set(kases.flatMap((k) => (k.crimeReference ? [k.crimeReference] : [])))];
    const [victims, contacts, surveys, informed, enhancedRights] = await Promise.all([
      this.victims.findByIds(kases.map((k) => k.victimId ?? "")),
      this.contacts.forCases(ids),
      this.surveys.forCases(ids),
      this.contacts.informedForCrimes(crimes),
      this.cases.enhancedRightsFor(ids),
    ]);
    const informedOf = new Map(crimes.map((reference, i) => [reference, informed[i] ?? []]));
    let updates: Map<string, InvestigationUpdate[]> | null = new Map();
    let crimeOf: Map<string, PoliceCrime | null> | null = new Map();
    let ordersOf: Map<string, ProtectiveOrder[]> | null = new Map();
    try {
      const [lists, records, orders] = crimes.length
        ? await Promise.all([this.police.updatesForCrimes(crimes), this.police.fetchByKeys(crimes), this.police.ordersForCrimes(crimes)])
        : [[], [], []];
      crimes.forEach((reference, i) => {
        updates?.set(reference, lists[i] ?? []);
        crimeOf?.set(reference, records[i] ?? null);
        ordersOf?.set(reference, orders[i] ?? []);
      });
    } catch (error) {
      if (!(error instanceof SourceUnavailableError)) throw error;
      updates = null;
      crimeOf = null;
      ordersOf = null;
    }

    const facts = kases.map((kase, i): CaseFact => {
      const victim = victims[i];
      const caseContacts = contacts[i] ?? [];
      const start = kase.referralReceivedAt ?? kase.openedAt;
      const first = caseContacts.find((c) => c.occurredAt.getTime() >= start.getTime()) ?? null;
      const crime = kase.crimeReference ? (crimeOf?.get(kase.crimeReference) ?? null) : null;
      return {
        caseId: kase.id,
        openedMonth: londonDateOf(kase.openedAt).slice(0, 7),
        borough: kase.borough,
        thematicLead: kase.thematicLead,
        referralRoute: kase.referralRoute,
        status: kase.status,
        closureReason: kase.closureReason,
        referralDeclined: kase.referralDeclined,
        referredAt: start,
        firstContactAt: first?.occurredAt ?? null,
        reportedToPolice: kase.crimeReference !== null,
        crime: crime ? { homeOfficeCode: crime.offence.homeOfficeCode, flags: crime.flags } : null,
        ageBand: victim?.ageBand ?? null,
        sex: victim?.sex ?? null,
        ethnicity: victim?.ethnicity ?? null,
        disability: victim?.disability ?? null,
        firstContactHours: first ? Math.floor((first.occurredAt.getTime() - start.getTime()) / HOUR_MS) : null,
        entitlements:
          updates === null
            ? null
            : entitlementsOf(kase, { updates: updates.get(kase.crimeReference ?? "") ?? [], contacts: caseContacts, crime, informed: informedOf.get(kase.crimeReference ?? "") ?? [], enhancedRights: enhancedRights[i] ?? [] }, now),
        surveys: (surveys[i] ?? []).map((s) => ({ overall: s.overall, rightScores: s.rightScores.map(({ right, score }) => ({ right, score })) })),
        protectiveOrders: ordersOf === null ? null : protectiveOrdersOf(ordersOf.get(kase.crimeReference ?? "") ?? []),
      };
    });
    return { facts, policeUnavailable: updates === null };
  }
}

/** Oldest application first, ties by the police id, so the nth order of a case keeps its place when the case is read again; the id goes no further. */
function protectiveOrdersOf(orders: readonly ProtectiveOrder[]): NonNullable<CaseFact["protectiveOrders"]> {
  return [...orders]
    .sort((a, b) => a.appliedOn.localeCompare(b.appliedOn) || a.id.localeCompare(b.id))
    .map((o) => ({ kind: o.kind, status: o.status, appliedMonth: o.appliedOn.slice(0, 7) }));
}

function entitlementsOf(kase: CaseRecord, record: CodeRecord, now: Date): CaseFact["entitlements"] {
  try {
    return assessCase(kase, record, now).map((r) => ({
      entitlement: r.entitlement,
      right: r.rightNumber,
      month: londonDateOf(r.triggeringEvent.occurredAt).slice(0, 7),
      enhancedRights: r.enhancedRights,
      status: r.status,
    }));
  } catch {
    // A case the engine cannot judge (say, a date beyond the bank-holiday data) contributes no outcomes rather than wrong ones.
    return [];
  }
}
