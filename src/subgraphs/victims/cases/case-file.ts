import type { EntityManager } from "typeorm";
import { isUuid } from "../../../platform/batch";
import { appError, ErrorCode } from "../../../platform/errors";
import { SubjectSystem } from "../../../policy/sensitive";
import type { GovernanceWrites } from "../../../policy/governance-commands";
import { CaseRecord } from "./case.entity";

/**
 * The case row, locked for the rest of the transaction, and the person it is
 * about: every write to a case file starts here, so two writes to one case
 * apply one after the other and each sees the other's result.
 */
export async function lockCase(m: EntityManager, governance: GovernanceWrites, caseId: string): Promise<{ kase: CaseRecord; subjectId: string }> {
  const kase = isUuid(caseId) ? await m.getRepository(CaseRecord).findOne({ where: { id: caseId }, lock: { mode: "pessimistic_write" } }) : null;
  if (!kase) throw appError(ErrorCode.NOT_FOUND, "No such case", { argument: "caseId" });
  // Cases opened before intake linked them get their subject now, in this transaction.
  const subjectId = await governance.linkSubject(m, { system: SubjectSystem.GMVS_CASE, ref: kase.id });
  return { kase, subjectId };
}

/** Marks the case changed, for the insights watermark. */
export async function touchCase(m: EntityManager, caseId: string, at: Date): Promise<void> {
  await m.query(`UPDATE victims."case" SET updated_at = GREATEST(updated_at, $2) WHERE id = $1`, [caseId, at]);
}
