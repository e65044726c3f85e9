import { DataSource, In } from "typeorm";
import { isUuid, manyByKey } from "../../../platform/batch";
import { appError, ErrorCode } from "../../../platform/errors";
import { DataCategory } from "../../../policy/categories";
import type { GovernanceWrites } from "../../../policy/governance-commands";
import { Actor, auditCaseFileChange, CaseFileChange } from "../audit";
import { lockCase, touchCase } from "../cases/case-file";
import { SurveyResponseRecord } from "./survey.entity";
import { SURVEY_RIGHTS, SURVEY_SCALE, SurveyResponseInput } from "./survey.types";

export class SurveyService {
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

  async forCases(caseIds: readonly string[]): Promise<SurveyResponseRecord[][]> {
    const valid = caseIds.filter(isUuid);
    const rows = valid.length
      ? await this.dataSource.getRepository(SurveyResponseRecord).find({ where: { caseId: In(valid) }, order: { respondedAt: "ASC", id: "ASC" } })
      : [];
    return manyByKey(caseIds, rows, (r) => r.caseId);
  }

  /** A victim may answer after their case closes; the survey is about how they were treated. */
  async record(actor: Actor, caseId: string, input: SurveyResponseInput): Promise<SurveyResponseRecord> {
    const now = this.clock();
    const respondedAt = input.respondedAt ?? now;
    if (Number.isNaN(respondedAt.getTime()) || respondedAt > now) throw appError(ErrorCode.INVALID_INPUT, "respondedAt cannot be in the future", { argument: "respondedAt" });
    const inScale = (n: number) => Number.isInteger(n) && n >= SURVEY_SCALE.min && n <= SURVEY_SCALE.max;
    if (input.overall != null && !inScale(input.overall)) {
      throw appError(ErrorCode.INVALID_INPUT, `overall must be ${SURVEY_SCALE.min} to ${SURVEY_SCALE.max}`, { argument: "overall" });
    }
    const seen = new Set<number>();
    for (const { right, score } of input.rightScores) {
      if (!Number.isInteger(right) || right < SURVEY_RIGHTS.first || right > SURVEY_RIGHTS.last) {
        throw appError(ErrorCode.INVALID_INPUT, `The survey asks about rights ${SURVEY_RIGHTS.first} to ${SURVEY_RIGHTS.last}`, { argument: "rightScores" });
      }
      if (seen.has(right)) throw appError(ErrorCode.INVALID_INPUT, `Right ${right} is scored twice`, { argument: "rightScores" });
      seen.add(right);
      if (!inScale(score)) throw appError(ErrorCode.INVALID_INPUT, `Scores are ${SURVEY_SCALE.min} to ${SURVEY_SCALE.max}`, { argument: "rightScores" });
    }
    if (input.overall == null && input.rightScores.length === 0) throw appError(ErrorCode.INVALID_INPUT, "The response has no answers", { argument: "rightScores" });
    return this.dataSource.transaction(async (m) => {
      const { kase, subjectId } = await lockCase(m, this.governance, caseId);
      const repo = m.getRepository(SurveyResponseRecord);
      const saved = await repo.save(
        repo.create({
          caseId: kase.id,
          respondedAt,
          overall: input.overall ?? null,
          rightScores: [...input.rightScores].sort((a, b) => a.right - b.right).map(({ right, score }) => ({ right, score })),
        }),
      );
      await touchCase(m, kase.id, now);
      await auditCaseFileChange(m, actor, subjectId, DataCategory.SUPPORT, CaseFileChange.SURVEY_RECORDED, now);
      return saved;
    });
  }
}
