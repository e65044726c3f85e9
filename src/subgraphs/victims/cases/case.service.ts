import { DataSource, In, Not } from "typeorm";
import { isUuid, oneByKey } from "../../../platform/batch";
import { appError, ErrorCode } from "../../../platform/errors";
import { DataCategory } from "../../../policy/categories";
import { closeRelationship, reopenRelationship } from "../../../policy/subjects";
import { Borough, OrganisationCode } from "../../../platform/domain";
import { Actor, auditCaseFileChange, CaseFileChange } from "../audit";
import { EnhancedRightsCategory } from "../victims-code/rules";
import { assertCaseOpenForChanges, CaseAction, transitionCase } from "./case-status";
import { lockCase } from "./case-file";
import { CaseRecord } from "./case.entity";
import { CaseClosureReason, CaseFileInput, CaseStatus } from "./case.types";

export class CaseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: () => Date = () => new Date(),
  ) {}

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

  /** Thematic lead, worker, borough and Enhanced Rights flags; only on a case that is not closed. */
  async updateCaseFile(actor: Actor, caseId: string, input: CaseFileInput): Promise<CaseRecord> {
    const now = this.clock();
    const changes: Partial<CaseRecord> = {};
    if (input.borough != null) changes.borough = input.borough;
    if (input.thematicLead != null) changes.thematicLead = input.thematicLead;
    if (input.assignedWorker !== undefined) changes.assignedWorker = input.assignedWorker?.trim() || null;
    if (input.enhancedRights != null) changes.enhancedRights = [...new Set<EnhancedRightsCategory>(input.enhancedRights)];
    if (Object.keys(changes).length === 0) throw appError(ErrorCode.INVALID_INPUT, "Nothing to change", { argument: "input" });
    return this.dataSource.transaction(async (m) => {
      const { kase, subjectId } = await lockCase(m, caseId);
      assertCaseOpenForChanges(kase.status);
      Object.assign(kase, changes, { updatedAt: now });
      await m.getRepository(CaseRecord).save(kase);
      await auditCaseFileChange(m, actor, subjectId, changes.enhancedRights ? DataCategory.RISK : DataCategory.SUPPORT, CaseFileChange.CASE_FILE_UPDATED, now);
      return kase;
    });
  }

  /** Closing ends GMVS's relationship through this case: from then on it gives no reason to see. */
  async close(actor: Actor, caseId: string, reason: CaseClosureReason): Promise<CaseRecord> {
    const now = this.clock();
    return this.dataSource.transaction(async (m) => {
      const { kase, subjectId } = await lockCase(m, caseId);
      kase.status = transitionCase(kase.status, CaseAction.CLOSE);
      Object.assign(kase, { closedAt: now, closureReason: reason, updatedAt: now });
      await m.getRepository(CaseRecord).save(kase);
      await closeRelationship(m, { organisation: OrganisationCode.GMVS, kind: "gmvs-case", sourceRef: kase.id }, now);
      await auditCaseFileChange(m, actor, subjectId, DataCategory.SUPPORT, CaseFileChange.CASE_CLOSED, now);
      return kase;
    });
  }

  /** Reopening gives GMVS its reason to see the case again. */
  async reopen(actor: Actor, caseId: string): Promise<CaseRecord> {
    const now = this.clock();
    return this.dataSource.transaction(async (m) => {
      const { kase, subjectId } = await lockCase(m, caseId);
      kase.status = transitionCase(kase.status, CaseAction.REOPEN);
      Object.assign(kase, { closedAt: null, closureReason: null, updatedAt: now });
      await m.getRepository(CaseRecord).save(kase);
      await reopenRelationship(m, { subjectId, organisation: OrganisationCode.GMVS, kind: "gmvs-case", sourceRef: kase.id, openedAt: now });
      await auditCaseFileChange(m, actor, subjectId, DataCategory.SUPPORT, CaseFileChange.CASE_REOPENED, now);
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
