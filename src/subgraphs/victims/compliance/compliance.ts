import type { InvestigationUpdate } from "../../../../connectors/police/types";
import { ReferralRoute } from "../cases/case.types";
import { CaseRecord } from "../cases/case.entity";
import { EnhancedRightsRecord } from "../cases/enhanced-rights.entity";
import { OrganisationCode } from "../../../platform/domain";
import { ContactRecord } from "../contacts/contact.entity";
import { VictimInformedRecord } from "../contacts/victim-informed.entity";
import { ContactPurpose } from "../contacts/contact.types";
import { POLICE_UPDATE_MEANINGS } from "../timeline/update-kinds";
import { ClassifiedCrime, enhancedRightsFromCrime } from "../victims-code/enhanced-rights";
import { assessEntitlements, complianceSummary, EntitlementAssessment, PoliceEvent, VictimContact } from "../victims-code/engine";
import { ContactKind, EntitlementCode, PoliceEventKind } from "../victims-code/rules";
import { VictimsCodeCompliance, VictimsCodeEntitlement } from "./compliance.types";

/** The event id the crime report carries in the engine: not a police update id, so it cannot collide with one. */
export const CRIME_REPORT_EVENT = "crime-report";

export type ComplianceCase = Pick<CaseRecord, "id" | "referralRoute" | "crimeReportedAt" | "referralReceivedAt" | "referralDeclined">;

/**
 * The police events of a case as the engine reads them: the crime report
 * (from the police referral) and each investigation update that starts a
 * Code clock (update-kinds.ts says which).
 */
export function policeEventsOf(kase: ComplianceCase, updates: readonly InvestigationUpdate[]): PoliceEvent[] {
  const events: PoliceEvent[] = [];
  if (kase.referralRoute === ReferralRoute.POLICE && kase.crimeReportedAt) {
    events.push({ id: CRIME_REPORT_EVENT, kind: PoliceEventKind.CRIME_REPORTED, occurredAt: kase.crimeReportedAt });
  }
  for (const update of updates) {
    const kind = POLICE_UPDATE_MEANINGS[update.kind]?.codeEvent;
    if (kind) events.push({ id: update.id, kind, occurredAt: new Date(update.occurredAt) });
  }
  return events;
}

/** The contacts the Code's clocks count, by what they did; the rest (a support session, say) fulfil none. */
const CONTACT_KIND_OF_PURPOSE: Partial<Record<ContactPurpose, ContactKind>> = {
  [ContactPurpose.TOLD_OF_DECISION]: ContactKind.TOLD_OF_DECISION,
  [ContactPurpose.VPS_OFFERED]: ContactKind.VPS_OFFERED,
  [ContactPurpose.VICTIM_CONTACT_SCHEME_REFERRAL]: ContactKind.REFERRED_TO_VICTIM_CONTACT_SCHEME,
};

/**
 * What counts as fulfilling an entitlement: GMVS's receipt of the police
 * referral is the details passed on (Right 4); a contact naming a police
 * update answers it as its purpose says (CONTACT_KIND_OF_PURPOSE). A contact naming
 * an update the police no longer report is left out, not guessed at.
 */
export function codeContactsOf(
  kase: ComplianceCase,
  contacts: readonly ContactRecord[],
  events: readonly PoliceEvent[],
  informed: readonly VictimInformedRecord[] = [],
): VictimContact[] {
  const eventIds = new Set(events.map((e) => e.id));
  const result: VictimContact[] = [];
  if (eventIds.has(CRIME_REPORT_EVENT) && kase.referralReceivedAt) {
    result.push({ kind: ContactKind.REFERRAL_PASSED_ON, occurredAt: kase.referralReceivedAt, eventId: CRIME_REPORT_EVENT, by: OrganisationCode.GMP });
  }
  for (const contact of contacts) {
    const kind = CONTACT_KIND_OF_PURPOSE[contact.purpose];
    if (kind && contact.policeUpdateId && eventIds.has(contact.policeUpdateId)) {
      result.push({ kind, occurredAt: contact.occurredAt, eventId: contact.policeUpdateId, by: OrganisationCode.GMVS });
    }
  }
  // What the duty holder itself recorded telling the victim counts as much as GMVS's word.
  for (const record of informed) {
    if (record.policeUpdateId === null) {
      // No update named: the crime report itself, Right 3's information on reporting. GMP's record is checked
      // against its crime's recording time; one earlier than the report time the case was referred with counts for nothing.
      const reportedAt = kase.crimeReportedAt?.getTime();
      if (eventIds.has(CRIME_REPORT_EVENT) && reportedAt !== undefined && record.occurredAt.getTime() >= reportedAt) result.push({ kind: ContactKind.INFORMATION_ON_REPORTING, occurredAt: record.occurredAt, eventId: CRIME_REPORT_EVENT, by: record.organisation });
    } else if (eventIds.has(record.policeUpdateId)) {
      result.push({ kind: ContactKind.TOLD_OF_DECISION, occurredAt: record.occurredAt, eventId: record.policeUpdateId, by: record.organisation });
    }
  }
  return result;
}

/**
 * What the Victims' Code clocks of a case are judged on besides the case
 * itself: GMP's investigation updates, GMVS's contacts, and, where read, the
 * crime's record (its Enhanced Rights), GMP's own record of telling the
 * victim, and the case's dated judgements of Enhanced Rights.
 */
export interface CodeRecord {
  readonly updates: readonly InvestigationUpdate[];
  readonly contacts: readonly ContactRecord[];
  readonly crime?: ClassifiedCrime | null;
  readonly informed?: readonly VictimInformedRecord[];
  /** The case's dated judgements of Enhanced Rights; none when left out. */
  readonly enhancedRights?: readonly EnhancedRightsRecord[];
}

/** Every entitlement of the case, judged at `now`. Throws the engine's errors for input it will not guess about. */
export function assessCase(kase: ComplianceCase, record: CodeRecord, now: Date): EntitlementAssessment[] {
  const policeEvents = policeEventsOf(kase, record.updates);
  return assessEntitlements(
    {
      // The case's current categories are the latest judgement's; each judgement counts from its own date.
      enhancedRights: [],
      enhancedRightsRecorded: (record.enhancedRights ?? []).map((r) => ({ from: r.appliesFrom, categories: r.categories, withheld: r.withheld })),
      enhancedRightsFrom: record.crime ? enhancedRightsFromCrime(record.crime) : [],
      referralDeclined: kase.referralDeclined,
      policeEvents,
      contacts: codeContactsOf(kase, record.contacts, policeEvents, record.informed),
    },
    { now },
  );
}

/** One of the engine's results as the GraphQL type shows it. */
export function entitlementOf(caseId: string, r: EntitlementAssessment): VictimsCodeEntitlement {
  return {
    caseId,
    right: r.rightNumber,
    entitlement: r.entitlement,
    event: r.triggeringEvent.kind,
    eventAt: r.triggeringEvent.occurredAt,
    policeUpdateId: r.triggeringEvent.id === CRIME_REPORT_EVENT ? null : r.triggeringEvent.id,
    enhancedRights: r.enhancedRights,
    enhancedRightsReasons: [...r.enhancedRightsReasons],
    workingDaysAllowed: r.workingDaysAllowed,
    dueAt: r.dueAt,
    fulfilledAt: r.fulfilledAt,
    fulfilledBy: r.fulfilledBy,
    status: r.status,
    exception: r.exception,
    ruleVersion: r.ruleVersion,
  };
}

export function complianceOf(kase: ComplianceCase, record: CodeRecord, now: Date): VictimsCodeCompliance {
  const results = assessCase(kase, record, now);
  const summary = complianceSummary(results);
  const total = (status: "MET" | "LATE" | "MISSED" | "PENDING" | "NOT_APPLICABLE") =>
    Object.values(EntitlementCode).reduce((n, code) => n + summary[code][status], 0);
  return {
    caseId: kase.id,
    assessedAt: now,
    entitlements: results.map((r) => entitlementOf(kase.id, r)),
    met: total("MET"),
    late: total("LATE"),
    missed: total("MISSED"),
    pending: total("PENDING"),
    notApplicable: total("NOT_APPLICABLE"),
  };
}
