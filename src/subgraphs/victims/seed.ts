import type { Database } from "../../platform/database";
import { Borough } from "../../platform/domain";
import { SYNTHETIC_CASE_IDS } from "../../platform/synthetic";
import { CaseRecord } from "./cases/case.entity";
import { CaseStatus, ThematicLead } from "./cases/case.types";

const SEED_CASE_IDS = SYNTHETIC_CASE_IDS;

/** Synthetic GMVS cases; fixed ids so that partners' seed can refer to them. */
export const SEED_CASES: CaseRecord[] = [
  kase(SEED_CASE_IDS.clientM, "GMVS-SYN-0001", Borough.MANCHESTER, ThematicLead.STALKING, CaseStatus.OPEN, "2026-09-02T09:00:00Z", "SYN/000101/26"),
  kase(SEED_CASE_IDS.harassment, "GMVS-SYN-0002", Borough.SALFORD, ThematicLead.GENERAL, CaseStatus.AWAITING_ASSESSMENT, "2026-09-04T11:30:00Z", "SYN/000102/26"),
  kase(SEED_CASE_IDS.coercive, "GMVS-SYN-0003", Borough.BOLTON, ThematicLead.DOMESTIC_ABUSE, CaseStatus.OPEN, "2026-09-11T14:00:00Z", "SYN/000103/26"),
  kase(SEED_CASE_IDS.selfReferral, "GMVS-SYN-0004", Borough.TRAFFORD, ThematicLead.FRAUD, CaseStatus.OPEN, "2026-10-05T10:00:00Z", null),
];

function kase(
  id: string,
  caseReference: string,
  borough: Borough,
  thematicLead: ThematicLead,
  status: CaseStatus,
  openedAt: string,
  crimeReference: string | null,
): CaseRecord {
  return Object.assign(new CaseRecord(), { id, caseReference, borough, thematicLead, status, openedAt: new Date(openedAt), crimeReference });
}

export async function seedVictims(db: Database): Promise<void> {
  await db.dataSource.createQueryBuilder().insert().into(CaseRecord).values(SEED_CASES).orIgnore().execute();
}
