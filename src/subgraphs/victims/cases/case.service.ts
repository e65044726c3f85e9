import { caseEvent } from "./case-events";
import { emitEvents } from "../../../platform/events/outbox";
import { EventType } from "../../../platform/events/event";
import { DataSource, In, Not } from "typeorm";
import { isUuid, manyByKey, oneByKey } from "../../../platform/batch";
import { appError, ErrorCode } from "../../../platform/errors";
import { DataCategory } from "../../../policy/categories";
import type { GovernanceWrites } from "../../../policy/governance-commands";
import { Borough, OrganisationCode } from "../../../platform/domain";
import { Actor, auditCaseFileChange, CaseFileChange } from "../audit";
import { EnhancedRightsReason } from "../victims-code/rules";
import { EnhancedRightsRecord } from "./enhanced-rights.entity";
import { EnhancedRightsInput } from "./enhanced-rights.types";
import { assertCaseOpenForChanges, CaseAction, transitionCase } from "./case-status";
import { lockCase } from "./case-file";
import { CaseRecord } from "./case.entity";
import { CaseClosureReason, CaseFileInput, CaseStatus } from "./case.types";

export class CaseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: () => Date = () => new Date(),
    /** How this service tells governance about its records; absent where it only reads (the insights facts). */
    private readonly writes?: GovernanceWrites,
  ) {}

  /** How the case file tells governance who it is about and what changed. */
  private get governance(): GovernanceWrites {
    if (!this.writes) throw new Error("this service was made to read only: it has no way to governance");
    return this.writes;
  }

  async findByIds(ids: readonly string[]): Promise<(CaseRecord | null)[]> {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await this.dataSource.getRepository(CaseRecord).findBy({ id: In(valid) }) : [];
    return oneByKey(ids, rows, (row) => row.id);
  }

  /** Newest first, optionally in one borough. */
  recent(first: number, borough?: Borough): Promise<CaseRecord[]> {
    return this.dataSource.getRepository(CaseRecord).find({
      where: borough ? { borough } : {},
      order: { openedAt: "DESC", id: "ASC" },
      take: first,
    });
  }

  /** Every case not closed, oldest first. */
  open(): Promise<CaseRecord[]> {
    return this.dataSource.getRepository(CaseRecord).find({
      where: { status: Not(CaseStatus.CLOSED) },
      order: { openedAt: "ASC", id: "ASC" },
    });
  }

  /** Thematic lead, worker and borough; only on a case that is not closed. Enhanced Rights are judged with a date and a reason (recordEnhancedRights). */
  async updateCaseFile(actor: Actor, caseId: string, input: CaseFileInput): Promise<CaseRecord> {
    const now = this.clock();
    const changes: Partial<CaseRecord> = {};
    if (input.borough != null) changes.borough = input.borough;
    if (input.thematicLead != null) changes.thematicLead = input.thematicLead;
    if (input.assignedWorker !== undefined) changes.assignedWorker = input.assignedWorker?.trim() || null;
    if (Object.keys(changes).length === 0) throw appError(ErrorCode.INVALID_INPUT, "Nothing to change", { argument: "input" });
    return this.dataSource.transaction(async (m) => {
      const { kase, subjectId } = await lockCase(m, this.governance, caseId);
      assertCaseOpenForChanges(kase.status);
      Object.assign(kase, changes, { updatedAt: now });
      await m.getRepository(CaseRecord).save(kase);
      await auditCaseFileChange(m, actor, subjectId, DataCategory.SUPPORT, CaseFileChange.CASE_FILE_UPDATED, now);
      return kase;
    });
  }

  /** Each case's record of Enhanced Rights, by the date each judgement applies from. */
  async enhancedRightsFor(caseIds: readonly string[]): Promise<EnhancedRightsRecord[][]> {
    const valid = caseIds.filter(isUuid);
    const rows = valid.length
      ? await this.dataSource.getRepository(EnhancedRightsRecord).find({ where: { caseId: In(valid) }, order: { appliesFrom: "ASC", recordedAt: "ASC" } })
      : [];
    return manyByKey(caseIds, rows, (row) => row.caseId);
  }

  /**
   * A caseworker's judgement of the victim's Enhanced Rights from a date on,
   * with the reason: the categories that apply and any reason worked out from
   * the crime that does not. Kept beside the earlier judgements, never over
   * them; the case's current categories follow the latest in force.
   */
  async recordEnhancedRights(actor: Actor, caseId: string, input: EnhancedRightsInput): Promise<CaseRecord> {
    const now = this.clock();
    const reason = input.reason.trim();
    if (!reason) throw appError(ErrorCode.INVALID_INPUT, "Say why", { argument: "reason" });
    const appliesFrom = input.appliesFrom ?? now;
    if (Number.isNaN(appliesFrom.getTime()) || appliesFrom > now) {
      throw appError(ErrorCode.INVALID_INPUT, "appliesFrom cannot be in the future", { argument: "appliesFrom" });
    }
    if (input.withhold.includes(EnhancedRightsReason.RECORDED)) {
      throw appError(ErrorCode.INVALID_INPUT, "Only a reason worked out from the crime can be withheld; leave a category out to end it", { argument: "withhold" });
    }
    return this.dataSource.transaction(async (m) => {
      const { kase, subjectId } = await lockCase(m, this.governance, caseId);
      assertCaseOpenForChanges(kase.status);
      const records = m.getRepository(EnhancedRightsRecord);
      await records.save(
        records.create({
          caseId: kase.id,
          categories: [...new Set(input.categories)],
          withheld: [...new Set(input.withhold)],
          appliesFrom,
          reason,
          recordedBy: actor.principal.subject,
          recordedAt: now,
        }),
      );
      const [current] = await records.find({ where: { caseId: kase.id }, order: { appliesFrom: "DESC", recordedAt: "DESC" }, take: 1 });
      kase.enhancedRights = current?.categories ?? [];
      kase.updatedAt = now;
      await m.getRepository(CaseRecord).save(kase);
      await auditCaseFileChange(m, actor, subjectId, DataCategory.RISK, CaseFileChange.ENHANCED_RIGHTS_RECORDED, now);
      return kase;
    });
  }

  /** Closing ends GMVS's relationship through this case: from then on it gives no reason to see. */
  async close(actor: Actor, caseId: string, reason: CaseClosureReason): Promise<CaseRecord> {
    const now = this.clock();
    return this.dataSource.transaction(async (m) => {
      const { kase, subjectId } = await lockCase(m, this.governance, caseId);
      kase.status = transitionCase(kase.status, CaseAction.CLOSE);
      Object.assign(kase, { closedAt: now, closureReason: reason, updatedAt: now });
      await m.getRepository(CaseRecord).save(kase);
      await this.governance.closeRelationship(m, { subjectId, organisation: OrganisationCode.GMVS, kind: "gmvs-case", sourceRef: kase.id }, now);
      await auditCaseFileChange(m, actor, subjectId, DataCategory.SUPPORT, CaseFileChange.CASE_CLOSED, now);
      // A closed case owes nothing more (the worklist closes its items on CASE_CLOSED); reopened, the clock announces again what is owed then.
      await m.query(`UPDATE victims.entitlement_clock SET state = 'MET', changed_at = $2 WHERE case_id = $1 AND state <> 'MET'`, [kase.id, now]);
      await emitEvents(m, "victims", [caseEvent(EventType.CASE_CLOSED, kase.id, now)]);
      return kase;
    });
  }

  /** Reopening gives GMVS its reason to see the case again. */
  async reopen(actor: Actor, caseId: string): Promise<CaseRecord> {
    const now = this.clock();
    return this.dataSource.transaction(async (m) => {
      const { kase, subjectId } = await lockCase(m, this.governance, caseId);
      kase.status = transitionCase(kase.status, CaseAction.REOPEN);
      Object.assign(kase, { closedAt: null, closureReason: null, updatedAt: now });
      await m.getRepository(CaseRecord).save(kase);
      await this.governance.reopenRelationship(m, { subjectId, organisation: OrganisationCode.GMVS, kind: "gmvs-case", sourceRef: kase.id, openedAt: now });
      await auditCaseFileChange(m, actor, subjectId, DataCategory.SUPPORT, CaseFileChange.CASE_REOPENED, now);
      await emitEvents(m, "victims", [caseEvent(EventType.CASE_REOPENED, kase.id, now)]);
      return kase;
    });
  }

  /**
   * Cases changed after a watermark, oldest change first (the insights feed);
   * ties broken by id. Compared at millisecond precision, as a watermark
   * travels in a JavaScript Date: PostgreSQL keeps microseconds, and a
   * watermark rounded below its row would return that row for ever.
   */
  changedSince(after: { updatedAt: Date; caseId: string } | null, first: number): Promise<CaseRecord[]> {
    const changedAt = "date_trunc('milliseconds', c.updated_at)";
    const query = this.dataSource.getRepository(CaseRecord).createQueryBuilder("c");
    if (after) query.where(`(${changedAt}, c.id) > (:at, :id)`, { at: after.updatedAt, id: after.caseId });
    return query.orderBy(changedAt, "ASC").addOrderBy("c.id", "ASC").limit(first).getMany();
  }
}
