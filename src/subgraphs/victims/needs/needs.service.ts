import { DataSource, In } from "typeorm";
import { isUuid, manyByKey } from "../../../platform/batch";
import { appError, ErrorCode } from "../../../platform/errors";
import { DataCategory } from "../../../policy/categories";
import type { GovernanceWrites } from "../../../policy/governance-commands";
import { Actor, auditCaseFileChange, CaseFileChange } from "../audit";
import { CaseAction, transitionCase } from "../cases/case-status";
import { lockCase } from "../cases/case-file";
import { CaseRecord } from "../cases/case.entity";
import { londonDateOf } from "../victims-code/working-days";
import { NeedsAssessmentRecord } from "./needs.entity";
import { NeedsAssessmentInput } from "./needs.types";

export class NeedsService {
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

  /** Every assessment per case, oldest first: one statement for any number of cases. */
  async forCases(caseIds: readonly string[]): Promise<NeedsAssessmentRecord[][]> {
    const valid = caseIds.filter(isUuid);
    const rows = valid.length
      ? await this.dataSource.getRepository(NeedsAssessmentRecord).find({ where: { caseId: In(valid) }, order: { assessedAt: "ASC", id: "ASC" } })
      : [];
    return manyByKey(caseIds, rows, (r) => r.caseId);
  }

  /** Records an assessment; an awaiting case opens (the case state machine decides, and refuses a closed case). */
  async record(actor: Actor, caseId: string, input: NeedsAssessmentInput): Promise<NeedsAssessmentRecord> {
    const now = this.clock();
    const assessedAt = input.assessedAt ?? now;
    if (Number.isNaN(assessedAt.getTime()) || assessedAt > now) throw appError(ErrorCode.INVALID_INPUT, "assessedAt cannot be in the future", { argument: "assessedAt" });
    const reviewOn = input.reviewOn?.trim() || null;
    if (reviewOn !== null && (!/^\d{4}-\d{2}-\d{2}$/.test(reviewOn) || reviewOn <= londonDateOf(assessedAt))) {
      throw appError(ErrorCode.INVALID_INPUT, "reviewOn must be a YYYY-MM-DD date after the assessment", { argument: "reviewOn" });
    }
    return this.dataSource.transaction(async (m) => {
      const { kase, subjectId } = await lockCase(m, this.governance, caseId);
      kase.status = transitionCase(kase.status, CaseAction.RECORD_ASSESSMENT);
      kase.updatedAt = now;
      await m.getRepository(CaseRecord).save(kase);
      const repo = m.getRepository(NeedsAssessmentRecord);
      const saved = await repo.save(
        repo.create({
          caseId: kase.id,
          assessedAt,
          assessedBy: actor.principal.subject,
          practical: input.practical,
          emotional: input.emotional,
          safety: input.safety,
          health: input.health,
          financial: input.financial,
          communication: input.communication,
          notes: input.notes?.trim() || null,
          outcome: input.outcome,
          reviewOn,
        }),
      );
      await auditCaseFileChange(m, actor, subjectId, DataCategory.HEALTH, CaseFileChange.NEEDS_ASSESSED, now);
      return saved;
    });
  }
}
