import { randomUUID } from "node:crypto";
import type { EntityManager } from "typeorm";
import { OrganisationCode } from "../../../platform/domain";
import { EventType, HubEvent } from "../../../platform/events/event";

/** What an organisation has to do, as its worklist names it. */
export enum WorklistKind {
  /** A referral addressed to the organisation, not yet accepted or declined. */
  REFERRAL_AWAITING_RESPONSE = "REFERRAL_AWAITING_RESPONSE",
  /** A referral the organisation accepted, with no first contact with the victim yet. */
  FIRST_CONTACT_OWED = "FIRST_CONTACT_OWED",
  /** The victim withdrew consent to the organisation: stop using what it covered, now. */
  CONSENT_WITHDRAWN = "CONSENT_WITHDRAWN",
  /** A referral to the organisation was withdrawn: stop contacting the victim for it. */
  REFERRAL_WITHDRAWN = "REFERRAL_WITHDRAWN",
  /** The organisation's weekly safety-plan review, from its latest risk assessment. */
  SAFETY_PLAN_REVIEW_DUE = "SAFETY_PLAN_REVIEW_DUE",
  /** A MARAC referral for a case, for the agencies at MARAC (seen for safeguarding only). */
  MARAC_REFERRAL = "MARAC_REFERRAL",
  /** A referred person may be one GMVS already knows: confirm or reject the match before the two records are worked on apart. */
  MATCH_CANDIDATE = "MATCH_CANDIDATE",
  /** A Victims' Code entitlement GMVS owes the victim (an update, an offer), due by the engine's deadline. */
  VICTIMS_CODE_DUE = "VICTIMS_CODE_DUE",
}

/** The consumer's name on the bus and in governance.event_handled. */
export const WORKLIST_CONSUMER = "governance-worklist";

/**
 * Applies one event to the worklists, inside the consumer's transaction
 * (handledOnce): opens the items it asks of its parties and closes those it
 * answers. Items are keyed by (organisation, kind, record), so an item
 * opened twice stays one item.
 */
export async function applyToWorklists(m: EntityManager, event: HubEvent): Promise<void> {
  const at = new Date(event.occurredAt);
  const due = event.dueAt ? new Date(event.dueAt) : null;
  const partnersOf = event.parties.filter((p) => p !== OrganisationCode.GMVS);
  const holder = holderOfRecord(event);
  const open = (organisation: OrganisationCode, kind: WorklistKind, dueAt: Date | null = due) =>
    m.query(
      `INSERT INTO governance.worklist_item (id, organisation, kind, holder, case_id, record_type, record_id, opened_by, opened_at, due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (organisation, kind, record_id) DO NOTHING`,
      [randomUUID(), organisation, kind, holder, event.caseId, event.record.type, event.record.id, event.id, at, dueAt],
    );
  const close = (kinds: WorklistKind[], where: { recordId?: string; caseOf?: OrganisationCode } = { recordId: event.record.id }) =>
    where.caseOf
      ? m.query(
          `UPDATE governance.worklist_item SET closed_by = $1, closed_at = $2 WHERE organisation = $3 AND case_id = $4 AND kind = ANY($5::text[]) AND closed_at IS NULL`,
          [event.id, at, where.caseOf, event.caseId, kinds],
        )
      : m.query(`UPDATE governance.worklist_item SET closed_by = $1, closed_at = $2 WHERE record_id = $3 AND kind = ANY($4::text[]) AND closed_at IS NULL`, [
          event.id,
          at,
          where.recordId,
          kinds,
        ]);

  switch (event.type) {
    case EventType.REFERRAL_SENT:
      for (const partner of partnersOf) await open(partner, WorklistKind.REFERRAL_AWAITING_RESPONSE);
      return;
    case EventType.REFERRAL_ACCEPTED:
      await close([WorklistKind.REFERRAL_AWAITING_RESPONSE]);
      for (const partner of partnersOf) await open(partner, WorklistKind.FIRST_CONTACT_OWED);
      return;
    case EventType.REFERRAL_DECLINED:
    case EventType.REFERRAL_CLOSED:
      await close([WorklistKind.REFERRAL_AWAITING_RESPONSE, WorklistKind.FIRST_CONTACT_OWED]);
      return;
    case EventType.REFERRAL_WITHDRAWN:
      await close([WorklistKind.REFERRAL_AWAITING_RESPONSE, WorklistKind.FIRST_CONTACT_OWED]);
      for (const partner of partnersOf) await open(partner, WorklistKind.REFERRAL_WITHDRAWN, at);
      return;
    case EventType.REFERRAL_FIRST_CONTACT:
      await close([WorklistKind.FIRST_CONTACT_OWED]);
      return;
    case EventType.CONSENT_WITHDRAWN:
      for (const recipient of partnersOf) await open(recipient, WorklistKind.CONSENT_WITHDRAWN, at);
      return;
    case EventType.RISK_ASSESSMENT_RECORDED: {
      // A new assessment replaces the assessor's open review for the case.
      const assessor = raiserOf(event);
      await close([WorklistKind.SAFETY_PLAN_REVIEW_DUE], { caseOf: assessor });
      await open(assessor, WorklistKind.SAFETY_PLAN_REVIEW_DUE);
      return;
    }
    case EventType.MATCH_CANDIDATE_RAISED:
      // No deadline of its own: nothing in the Victims' Code times a match, so it is listed after everything that is timed.
      for (const party of event.parties) await open(party, WorklistKind.MATCH_CANDIDATE, null);
      return;
    case EventType.MATCH_CANDIDATE_DECIDED:
      await close([WorklistKind.MATCH_CANDIDATE]);
      return;
    case EventType.ENTITLEMENT_DUE:
      // Owed again after it was met or its case closed (the case reopened): the same item opens again, due anew.
      for (const party of event.parties) {
        await open(party, WorklistKind.VICTIMS_CODE_DUE);
        await m.query(
          `UPDATE governance.worklist_item SET closed_by = NULL, closed_at = NULL, due_at = $4, opened_by = $5, opened_at = $6
           WHERE organisation = $1 AND kind = $2 AND record_id = $3 AND closed_at IS NOT NULL`,
          [party, WorklistKind.VICTIMS_CODE_DUE, event.record.id, due, event.id, at],
        );
      }
      return;
    case EventType.ENTITLEMENT_OVERDUE:
      // The same item, past its due time: opening it again changes nothing, and a first sight of it opens it.
      for (const party of event.parties) await open(party, WorklistKind.VICTIMS_CODE_DUE);
      return;
    case EventType.ENTITLEMENT_MET:
      await close([WorklistKind.VICTIMS_CODE_DUE]);
      return;
    case EventType.CASE_CLOSED:
      // A closed case owes nothing more; the clock judges open cases only, so it would never say so itself.
      await close([WorklistKind.VICTIMS_CODE_DUE], { caseOf: OrganisationCode.GMVS });
      return;
    case EventType.MARAC_REFERRAL_RAISED:
      for (const agency of event.parties) await open(agency, WorklistKind.MARAC_REFERRAL, at);
      return;
    default:
      return;
  }
}

/**
 * Whose record an event is about: GMVS's cases, referrals and consents; a
 * partner's own risk records (the first party the partners subgraph names).
 * The worklist and the webhooks decide who may know of the record with it.
 */
export function holderOfRecord(event: Pick<HubEvent, "type" | "parties">): OrganisationCode {
  return event.type === EventType.RISK_ASSESSMENT_RECORDED || event.type === EventType.MARAC_REFERRAL_RAISED ? raiserOf(event) : OrganisationCode.GMVS;
}

/** The partner whose assessment a risk or MARAC event is about: the parties the partners subgraph names, less GMP and GMVS. */
function raiserOf(event: Pick<HubEvent, "parties">): OrganisationCode {
  return event.parties.find((p) => p !== OrganisationCode.GMVS && p !== OrganisationCode.GMP) ?? event.parties[0]!;
}
