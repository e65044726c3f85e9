import { randomUUID } from "node:crypto";
import { DataSource, In } from "typeorm";
import { ReferralStatus } from "../../../../connectors/partners";
import { isUuid, manyByKey, oneByKey } from "../../../platform/batch";
import { OrganisationCode } from "../../../platform/domain";
import { appError, auditedRefusal, ErrorCode } from "../../../platform/errors";
import { Principal, Purpose, Role } from "../../../platform/principal";
import { Actor, AuditEventInput, changeEvent } from "../../../policy/audit";
import type { GovernanceWrites } from "../../../policy/governance-commands";
import { DataCategory } from "../../../policy/categories";
import { AccessDecision, decide, DenyReason } from "../../../policy/decide";
import { SubjectSystem } from "../../../policy/sensitive";
import { emitEvents } from "../../../platform/events/outbox";
import { EventRecordType, EventType } from "../../../platform/events/event";
import { workingDayDeadline } from "../../victims/victims-code/working-days";
import { ReferralRecord } from "./referral.entity";
import { applyReferralTransition, ReferralCommand, RELATIONSHIP_ENDS_AT, waitingHours } from "./referral.state";
import { Referral } from "./referral.types";

/** The relationship a referral opens for the partner it is addressed to (governance.relationship.kind). */
export const REFERRAL_RELATIONSHIP = "referral";
/** Audit events of referral work carry this category; the reason says which step (REFERRAL_SENT, REFERRAL_ACCEPTED, ...). */
export const REFERRAL_AUDIT_CATEGORY = "REFERRAL";
/** A referral is GMVS's record (DESIGN.md: GMVS refers victims on to specialist services). */
const HOLDER = OrganisationCode.GMVS;
/**
 * GMVS's service level for its partners, in working days: to answer a
 * referral once sent, and to make first contact once accepted. The same two
 * working days the Victims' Code gives the police to refer a victim on.
 */
export const REFERRAL_RESPONSE_WORKING_DAYS = 2;

/** The event each referral status is announced by. */
const EVENT_OF_STATUS: Record<ReferralStatus, EventType> = {
  [ReferralStatus.SENT]: EventType.REFERRAL_SENT,
  [ReferralStatus.RECEIVED]: EventType.REFERRAL_RECEIVED,
  [ReferralStatus.ACCEPTED]: EventType.REFERRAL_ACCEPTED,
  [ReferralStatus.DECLINED]: EventType.REFERRAL_DECLINED,
  [ReferralStatus.WITHDRAWN]: EventType.REFERRAL_WITHDRAWN,
  [ReferralStatus.CLOSED]: EventType.REFERRAL_CLOSED,
};

/** The event of a referral's step, to GMVS and the partner it is addressed to; what it asks of the partner falls due as the service level says. */
function referralEvent(r: Pick<ReferralRecord, "id" | "caseId" | "partner">, type: EventType, at: Date) {
  const asksForAnswer = type === EventType.REFERRAL_SENT || type === EventType.REFERRAL_ACCEPTED;
  return {
    type,
    caseId: r.caseId,
    record: { type: EventRecordType.REFERRAL, id: r.id },
    parties: [HOLDER, r.partner],
    occurredAt: at,
    dueAt: asksForAnswer ? workingDayDeadline(at, REFERRAL_RESPONSE_WORKING_DAYS) : null,
  };
}

export type { Actor };

export interface ReferToServiceInput {
  caseId: string;
  partner: OrganisationCode;
  service: string;
  categories: DataCategory[];
  consentId: string | null;
  reason: string;
}

/** What insights needs of a referral for waiting times and referral routes; no free text. */
export interface ReferralFact {
  referralId: string;
  caseId: string;
  partner: OrganisationCode;
  service: string;
  status: ReferralStatus;
  sentAt: Date;
  receivedAt: Date | null;
  acceptedAt: Date | null;
  declinedAt: Date | null;
  withdrawnAt: Date | null;
  closedAt: Date | null;
  firstContactAt: Date | null;
  /** When the referral last changed: the watermark to pass back for the next batch. */
  updatedAt: Date;
}

export interface ReferralFactsPage {
  facts: ReferralFact[];
  /** Pass back as `since` for the next page; unchanged (the one passed in) when there was nothing new. */
  watermark: { updatedAt: Date; referralId: string } | null;
}

export class ReferralService {
  constructor(
    private readonly dataSource: DataSource,
    /** How referrals tell governance about the relationships they open and close; absent where the service only reads (the insights facts). */
    private readonly writes?: GovernanceWrites,
  ) {}

  private get governance(): GovernanceWrites {
    if (!this.writes) throw new Error("this service was made to read only: it has no way to governance");
    return this.writes;
  }

  async findByIds(ids: readonly string[]): Promise<(Referral | null)[]> {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await this.dataSource.getRepository(ReferralRecord).findBy({ id: In(valid) }) : [];
    return oneByKey(ids, rows.map(toReferral), (r) => r.id);
  }

  /** Every referral of many cases in one statement, oldest first within each case. */
  async findByCaseIds(caseIds: readonly string[]): Promise<Referral[][]> {
    const valid = caseIds.filter(isUuid);
    const rows = valid.length
      ? await this.dataSource.getRepository(ReferralRecord).find({ where: { caseId: In(valid) }, order: { sentAt: "ASC", id: "ASC" } })
      : [];
    return manyByKey(caseIds, rows.map(toReferral), (r) => r.caseId);
  }

  /** The referrals addressed to one organisation, newest first, optionally in one state. */
  async addressedTo(partner: OrganisationCode, status: ReferralStatus | null, first: number): Promise<Referral[]> {
    const rows = await this.dataSource.getRepository(ReferralRecord).find({
      where: status ? { partner, status } : { partner },
      order: { sentAt: "DESC", id: "DESC" },
      take: first,
    });
    return rows.map(toReferral);
  }

  /**
   * GMVS refers a victim to a partner service. Refused (FORBIDDEN, with the
   * policy's reason) unless a data-sharing agreement from GMVS to the partner
   * covers every category for support and, where it rests on consent, the
   * consent named is this victim's, to that partner, and her consent to it
   * (whichever recording put each category in force) covers every category
   * and support: decide() answers, as it would for the
   * partner's first read under the relationship the referral opens. The
   * refusal is audited. On success, in one transaction: the referral (SENT),
   * the partner's relationship with the victim, and the audit event.
   */
  async referToService(actor: Actor, input: ReferToServiceInput): Promise<Referral> {
    const service = input.service.trim();
    const reason = input.reason.trim();
    const categories = [...new Set(input.categories)];
    if (!isUuid(input.caseId)) throw appError(ErrorCode.INVALID_INPUT, "No such case", { argument: "caseId" });
    if (input.partner === HOLDER) throw appError(ErrorCode.INVALID_INPUT, "GMVS cannot refer to itself", { argument: "partner" });
    if (service === "") throw appError(ErrorCode.INVALID_INPUT, "Name the service referred to", { argument: "service" });
    if (reason === "") throw appError(ErrorCode.INVALID_INPUT, "Give the reason for the referral", { argument: "reason" });
    if (categories.length === 0) throw appError(ErrorCode.INVALID_INPUT, "Name at least one category to share", { argument: "categories" });
    if (input.consentId !== null && !isUuid(input.consentId)) throw appError(ErrorCode.INVALID_INPUT, "No such consent", { argument: "consentId" });

    // Agreements are versioned files, never changed once loaded: safe to read before the transaction.
    const agreements = await this.governance.agreements();
    const outcome = await this.dataSource.transaction(async (m) => {
      const subjectId = await this.governance.subjectOf(m, { system: SubjectSystem.GMVS_CASE, ref: input.caseId });
      if (subjectId === null) throw appError(ErrorCode.INVALID_INPUT, "No such case", { argument: "caseId" });
      const consent = input.consentId === null ? null : await this.governance.consent(m, input.consentId);
      if (input.consentId !== null && consent?.subjectId !== subjectId) {
        throw appError(ErrorCode.INVALID_INPUT, "That consent is not this victim's", { argument: "consentId" });
      }
      const now = new Date();
      const id = randomUUID();
      // The partner as it would ask once the referral has opened its relationship.
      const recipient: Principal = { subject: actor.principal.subject, organisation: input.partner, roles: [Role.CASEWORKER], purpose: Purpose.SUPPORT };
      const facts = {
        agreements,
        consents: consent ? consent.facts : [],
        relationships: [{ subjectId, organisation: input.partner, kind: REFERRAL_RELATIONSHIP, openedAt: now, closedAt: null }],
        now,
      };
      const decisions = categories.map((category) => ({ category, decision: decide(recipient, { id: subjectId, holder: HOLDER }, category, Purpose.SUPPORT, facts) }));
      for (const { category, decision } of decisions) {
        if (decision.decision === "DENY") return { kind: "refused", category, decision, subjectId } as const;
      }

      const record = Object.assign(new ReferralRecord(), {
        id,
        caseId: input.caseId,
        partner: input.partner,
        service,
        categories,
        consentId: input.consentId,
        reason,
        status: ReferralStatus.SENT,
        sentBy: actor.principal.subject,
        sentAt: now,
        receivedAt: null,
        acceptedAt: null,
        declinedAt: null,
        declineReason: null,
        withdrawnAt: null,
        withdrawReason: null,
        closedAt: null,
        firstContactAt: null,
        updatedAt: now,
      });
      await m.getRepository(ReferralRecord).insert(record);
      // Opened only if the consent is still in force when governance applies it: a withdrawal that lands first leaves the partner no reason to see.
      await this.governance.openRelationship(m, { subjectId, organisation: input.partner, kind: REFERRAL_RELATIONSHIP, sourceRef: id, openedAt: now }, input.consentId);
      await this.governance.audit(m, [referralAudit(actor, subjectId, record, "REFERRAL_SENT", decisions[0]?.decision ?? null, now)]);
      await emitEvents(m, "partners", [referralEvent(record, EventType.REFERRAL_SENT, now)]);
      return { kind: "sent", referral: record } as const;
    });

    if (outcome.kind === "refused") {
      const { category, decision, subjectId } = outcome;
      // The attempted share is audited like any refusal: the category GMVS holds, the reason, the agreement and consent asked under.
      await this.governance.recordAudit([
        changeEvent(actor, {
          subjectId,
          category,
          holder: HOLDER,
          decision: "DENY",
          reason: `REFERRAL_REFUSED:${decision.reason}`,
          agreementId: decision.agreementId,
          consentId: input.consentId,
        }),
      ]);
      throw auditedRefusal(appError(ErrorCode.FORBIDDEN, refusalMessage(decision.reason, input.partner, category), { reason: decision.reason, category }));
    }
    return toReferral(outcome.referral);
  }

  /**
   * Moves a referral through the state machine (referral.state.ts) in one
   * transaction with its audit event; a decline, withdrawal or closure also
   * closes the partner's relationship. A repeat with the same data returns
   * the referral unchanged and writes nothing; a refused transition changes
   * nothing. `addressee`: the partner organisation that must be the one the
   * referral is addressed to (the partner's own steps), checked again here
   * under the row lock.
   */
  async transition(actor: Actor, id: string, command: ReferralCommand, addressee: OrganisationCode | null): Promise<Referral> {
    if (!isUuid(id)) throw noSuchReferral();
    return this.dataSource.transaction(async (m) => {
      const row = await m.getRepository(ReferralRecord).findOne({ where: { id }, lock: { mode: "pessimistic_write" } });
      if (!row) throw noSuchReferral();
      if (addressee !== null && row.partner !== addressee) throw notAddressedToYou(addressee, row);
      const now = new Date();
      const { referral, changed } = applyReferralTransition(row, command, now);
      if (!changed) return toReferral(row);
      const next = Object.assign(new ReferralRecord(), referral, { updatedAt: now });
      await m.getRepository(ReferralRecord).update(
        { id },
        {
          status: next.status,
          receivedAt: next.receivedAt,
          acceptedAt: next.acceptedAt,
          declinedAt: next.declinedAt,
          declineReason: next.declineReason,
          withdrawnAt: next.withdrawnAt,
          withdrawReason: next.withdrawReason,
          closedAt: next.closedAt,
          firstContactAt: next.firstContactAt,
          updatedAt: now,
        },
      );
      const subjectId = await this.governance.subjectOf(m, { system: SubjectSystem.GMVS_CASE, ref: row.caseId });
      // A case with no subject never gave the partner a relationship to close.
      if (RELATIONSHIP_ENDS_AT.has(next.status) && subjectId !== null) {
        await this.governance.closeRelationship(m, { subjectId, organisation: row.partner, kind: REFERRAL_RELATIONSHIP, sourceRef: row.id }, now);
      }
      const step = next.status === row.status ? "REFERRAL_FIRST_CONTACT" : `REFERRAL_${next.status}`;
      await this.governance.audit(m, [referralAudit(actor, subjectId, next, step, null, now)]);
      await emitEvents(m, "partners", [referralEvent(next, next.status === row.status ? EventType.REFERRAL_FIRST_CONTACT : EVENT_OF_STATUS[next.status], now)]);
      return toReferral(next);
    });
  }

  /**
   * For insights: the facts of referrals changed after `since` (exclusive),
   * oldest change first, at most `limit`. Keyset on (updatedAt, id). A change
   * committed late by a slow concurrent transaction can carry an updatedAt
   * below a watermark already handed out, so a follower should re-read with
   * some overlap (say `since` a minute back); facts are keyed by referralId,
   * so reading one twice is harmless.
   */
  async factsChangedSince(since: { updatedAt: Date; referralId: string } | null, limit = 1000): Promise<ReferralFactsPage> {
    const repository = this.dataSource.getRepository(ReferralRecord);
    const rows = since
      ? await repository
          .createQueryBuilder("r")
          .where("(r.updatedAt, r.id) > (:updatedAt, :id)", { updatedAt: since.updatedAt, id: since.referralId })
          .orderBy("r.updatedAt", "ASC")
          .addOrderBy("r.id", "ASC")
          .take(limit)
          .getMany()
      : await repository.find({ order: { updatedAt: "ASC", id: "ASC" }, take: limit });
    const facts = rows.map(
      (r): ReferralFact => ({
        referralId: r.id,
        caseId: r.caseId,
        partner: r.partner,
        service: r.service,
        status: r.status,
        sentAt: r.sentAt,
        receivedAt: r.receivedAt,
        acceptedAt: r.acceptedAt,
        declinedAt: r.declinedAt,
        withdrawnAt: r.withdrawnAt,
        closedAt: r.closedAt,
        firstContactAt: r.firstContactAt,
        updatedAt: r.updatedAt,
      }),
    );
    const last = facts[facts.length - 1];
    return { facts, watermark: last ? { updatedAt: last.updatedAt, referralId: last.referralId } : since };
  }
}

/** A referral is between GMVS and the partner it is addressed to: other organisations are not told of it at all. */
export function isPartyTo(organisation: OrganisationCode, referral: Pick<Referral, "partner">): boolean {
  return organisation === HOLDER || referral.partner === organisation;
}

/**
 * A partner's step on a referral not addressed to it. GMVS, a party to every
 * referral, is told why; any other organisation gets what an unknown id
 * gets, as it may not know the referral exists.
 */
export function notAddressedToYou(caller: OrganisationCode, referral: Pick<Referral, "partner">) {
  return isPartyTo(caller, referral)
    ? appError(ErrorCode.FORBIDDEN, "Only the organisation the referral is addressed to may do this", { reason: DenyReason.NO_RELATIONSHIP })
    : noSuchReferral();
}

export function noSuchReferral() {
  return appError(ErrorCode.NOT_FOUND, "No such referral", { argument: "id" });
}

export function toReferral(r: ReferralRecord): Referral {
  return Object.assign(new Referral(), {
    id: r.id,
    caseId: r.caseId,
    case: { id: r.caseId },
    partner: r.partner,
    service: r.service,
    categories: r.categories,
    consentId: r.consentId,
    reason: r.reason,
    status: r.status,
    sentAt: r.sentAt,
    receivedAt: r.receivedAt,
    acceptedAt: r.acceptedAt,
    declinedAt: r.declinedAt,
    declineReason: r.declineReason,
    withdrawnAt: r.withdrawnAt,
    withdrawReason: r.withdrawReason,
    closedAt: r.closedAt,
    firstContactAt: r.firstContactAt,
    waitingHoursToFirstContact: waitingHours(r.sentAt, r.firstContactAt),
    waitingHoursToAcceptance: waitingHours(r.sentAt, r.acceptedAt),
  });
}

function refusalMessage(reason: DenyReason, partner: OrganisationCode, category: DataCategory): string {
  switch (reason) {
    case DenyReason.NO_AGREEMENT:
      return `No data-sharing agreement lets GMVS share ${category} with ${partner}`;
    case DenyReason.PURPOSE_NOT_COVERED:
      return `The agreement with ${partner} does not cover ${category} for support`;
    case DenyReason.NO_CONSENT:
      return `The victim has not consented to sharing ${category} with ${partner} for support`;
    case DenyReason.CONSENT_WITHDRAWN:
      return `The victim withdrew consent to sharing ${category} with ${partner}`;
    default:
      return `Referral refused: ${reason}`;
  }
}

function referralAudit(actor: Actor, subjectId: string | null, r: ReferralRecord, step: string, decision: AccessDecision | null, at: Date): AuditEventInput {
  return changeEvent(actor, {
    subjectId,
    category: REFERRAL_AUDIT_CATEGORY,
    holder: HOLDER,
    reason: step,
    at,
    agreementId: decision?.agreementId ?? null,
    consentId: r.consentId,
  });
}

