import type { DataSource } from "typeorm";
import { SubjectSystem } from "../../src/policy/sensitive";
import { linkSubject } from "../../src/subgraphs/governance/port/subjects";

/**
 * GMVS case rows for tests that need many cases quickly, and governance's
 * knowledge of the person behind them, written the way the subgraphs write
 * it (src/subgraphs/governance/port/subjects.ts). The crime itself lives in the police stand-in
 * (test/support/police.ts); relationships and consents are each test's own.
 */
export interface TestCase {
  id: string;
  caseReference: string;
  borough: string;
  thematicLead: string;
  crimeReference: string;
  /** Seconds after now the case was opened (orders cases by recency). Default 0. */
  openedInSeconds?: number;
}

export async function insertCase(ds: DataSource, c: TestCase): Promise<void> {
  await ds.query(
    `INSERT INTO victims."case" (id, case_reference, borough, thematic_lead, status, opened_at, crime_reference)
     VALUES ($1, $2, $3, $4, 'OPEN', now() + make_interval(secs => $5), $6)`,
    [c.id, c.caseReference, c.borough, c.thematicLead, c.openedInSeconds ?? 0, c.crimeReference],
  );
}

/** One new subject linked to the case and to its crime; returns the subject id. */
export async function linkCaseAndCrime(ds: DataSource, caseId: string, crimeReference: string): Promise<string> {
  const subjectId = await linkSubject(ds.manager, { system: SubjectSystem.GMVS_CASE, ref: caseId });
  await linkSubject(ds.manager, { system: SubjectSystem.POLICE_CRIME, ref: crimeReference }, subjectId);
  return subjectId;
}
