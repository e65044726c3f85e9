import type { InvestigationUpdate } from "../../../../connectors/police/types";
import { OrganisationCode } from "../../../platform/domain";
import { CaseRecord } from "../cases/case.entity";
import { ReferralRoute } from "../cases/case.types";
import { ContactRecord } from "../contacts/contact.entity";
import { GmvsTimelineEntry, JusticeTimelineEntryKind, PoliceTimelineEntry } from "./timeline.types";
import { CONTACT_MEANINGS, GMVS_EVENT_MEANINGS, GmvsTimelineEvent, POLICE_UPDATE_MEANINGS } from "./update-kinds";

export type TimelineCase = Pick<CaseRecord, "id" | "referralRoute" | "crimeReportedAt" | "referralReceivedAt" | "openedAt" | "closedAt" | "crimeReference">;

/**
 * One ordered view of a case from report to court outcome: the crime report
 * and referral, every police update for the case's crime, every GMVS contact
 * with the victim, and the case's closing, oldest first (ties in a stable
 * order: by id). Each entry says what happens next, from update-kinds.ts.
 */
export function timelineOf(kase: TimelineCase, updates: readonly InvestigationUpdate[], contacts: readonly ContactRecord[]): (PoliceTimelineEntry | GmvsTimelineEntry)[] {
  const entries: (PoliceTimelineEntry | GmvsTimelineEntry)[] = [];
  const gmvsEvent = (event: GmvsTimelineEvent, at: Date): GmvsTimelineEntry => ({
    id: `${kase.id}:${event}`,
    holder: OrganisationCode.GMVS,
    caseId: kase.id,
    at,
    kind: event,
    title: GMVS_EVENT_MEANINGS[event].title,
    detail: null,
    whatHappensNext: GMVS_EVENT_MEANINGS[event].whatHappensNext,
  });
  if (kase.referralRoute === ReferralRoute.POLICE) {
    if (kase.crimeReportedAt) entries.push(gmvsEvent(GmvsTimelineEvent.CRIME_REPORTED, kase.crimeReportedAt));
    entries.push(gmvsEvent(GmvsTimelineEvent.POLICE_REFERRAL_RECEIVED, kase.referralReceivedAt ?? kase.openedAt));
  } else if (kase.referralRoute === ReferralRoute.SELF) {
    entries.push(gmvsEvent(GmvsTimelineEvent.SELF_REFERRAL_RECEIVED, kase.referralReceivedAt ?? kase.openedAt));
  }
  for (const update of updates) {
    const meaning = POLICE_UPDATE_MEANINGS[update.kind];
    entries.push({
      id: update.id,
      holder: OrganisationCode.GMP,
      crimeReference: update.crimeReference,
      at: new Date(update.occurredAt),
      kind: update.kind as JusticeTimelineEntryKind,
      title: meaning?.title ?? update.kind,
      detail: update.summary,
      whatHappensNext: meaning?.whatHappensNext ?? null,
    });
  }
  for (const contact of contacts) {
    const meaning = CONTACT_MEANINGS[contact.purpose];
    entries.push({
      id: contact.id,
      holder: OrganisationCode.GMVS,
      caseId: kase.id,
      at: contact.occurredAt,
      kind: JusticeTimelineEntryKind.VICTIM_CONTACTED,
      title: meaning.title,
      detail: contact.summary,
      whatHappensNext: meaning.whatHappensNext,
    });
  }
  if (kase.closedAt) entries.push(gmvsEvent(GmvsTimelineEvent.CASE_CLOSED, kase.closedAt));
  return entries.sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
