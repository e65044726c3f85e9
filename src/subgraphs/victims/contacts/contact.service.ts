import { DataSource, In } from "typeorm";
import { InvestigationUpdate, InvestigationUpdateKind, PoliceCrime } from "../../../../connectors/police/types";
import { isUuid, manyByKey } from "../../../platform/batch";
import { appError, ErrorCode } from "../../../platform/errors";
import { changeEvent } from "../../../policy/audit";
import { DataCategory } from "../../../policy/categories";
import { auditThroughGovernance, type GovernanceWrites } from "../../../policy/governance-commands";
import { referenceTo, SubjectSystem } from "../../../policy/sensitive";
import { Actor, auditCaseFileChange, CaseFileChange } from "../audit";
import { assertCaseOpenForChanges } from "../cases/case-status";
import { lockCase, touchCase } from "../cases/case-file";
import { ContactRecord } from "./contact.entity";
import { ContactInput, ContactPurpose, VictimInformedInput } from "./contact.types";
import { VictimInformedRecord } from "./victim-informed.entity";

/** The audit's reason for a duty holder's record that it told the victim. */
export const VICTIM_INFORMED = "VICTIM_INFORMED";

function assertNotInFuture(occurredAt: Date, now: Date): void {
  if (Number.isNaN(occurredAt.getTime()) || occurredAt > now) {
    throw appError(ErrorCode.INVALID_INPUT, "occurredAt cannot be in the future", { argument: "occurredAt" });
  }
}

/**
 * A victim told of a police decision: the update must be one of the crime's
 * (else INVALID_INPUT with `unknown`), and the telling cannot come before it.
 * Both GMVS's contacts and GMP's own record are held to this.
 */
async function assertToldOfUpdate(policeUpdatesFor: PoliceUpdatesFor, crimeReference: string, policeUpdateId: string, toldAt: Date, unknown: string): Promise<InvestigationUpdate> {
  const update = (await policeUpdatesFor(crimeReference)).find((u) => u.id === policeUpdateId);
  if (!update) throw appError(ErrorCode.INVALID_INPUT, unknown, { argument: "policeUpdateId" });
  if (toldAt.getTime() < Date.parse(update.occurredAt)) {
    throw appError(ErrorCode.INVALID_INPUT, "The victim cannot be told of a decision before it was made", { argument: "occurredAt" });
  }
  return update;
}

/**
 * The purposes that answer a police update, and which updates each can
 * answer (null: any). A VPS is offered on a charge (Right 7) and the Victim
 * Contact Scheme referral follows a sentence (Right 11); naming another
 * update would be a contact the Code's clocks could never count.
 */
const UPDATE_A_PURPOSE_ANSWERS: Partial<Record<ContactPurpose, readonly InvestigationUpdateKind[] | null>> = {
  [ContactPurpose.TOLD_OF_DECISION]: null,
  [ContactPurpose.VPS_OFFERED]: [InvestigationUpdateKind.CHARGED],
  [ContactPurpose.VICTIM_CONTACT_SCHEME_REFERRAL]: [InvestigationUpdateKind.SENTENCE],
};

/** Reads the police updates for one crime; the caller maps an unavailable source to SOURCE_UNAVAILABLE. */
export type PoliceUpdatesFor = (crimeReference: string) => Promise<InvestigationUpdate[]>;
/** Reads one crime's police record, or null where GMP has none; likewise. */
export type PoliceCrimeFor = (crimeReference: string) => Promise<PoliceCrime | null>;

export class ContactService {
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

  /** Every contact per case, oldest first: one statement for any number of cases. */
  async forCases(caseIds: readonly string[]): Promise<ContactRecord[][]> {
    const valid = caseIds.filter(isUuid);
    const rows = valid.length
      ? await this.dataSource.getRepository(ContactRecord).find({ where: { caseId: In(valid) }, order: { occurredAt: "ASC", id: "ASC" } })
      : [];
    return manyByKey(caseIds, rows, (r) => r.caseId);
  }

  /** What duty holders recorded of telling each crime's victim, oldest first: one statement for any number of crimes. */
  async informedForCrimes(crimeReferences: readonly string[]): Promise<VictimInformedRecord[][]> {
    const rows = crimeReferences.length
      ? await this.dataSource.getRepository(VictimInformedRecord).find({ where: { crimeReference: In([...crimeReferences]) }, order: { occurredAt: "ASC", id: "ASC" } })
      : [];
    return manyByKey(crimeReferences, rows, (r) => r.crimeReference);
  }

  /**
   * GMP, the duty holder (or a partner the resolver has let through), records
   * that it told the victim of one of GMP's investigation updates: it counts
   * towards the update's entitlement on any GMVS case for the crime,
   * attributed to whoever told. Kept by crime, so the teller learns nothing of
   * whether GMVS has a case; audited as the teller's write, under the crime's subject.
   */
  async recordInformed(actor: Actor, input: VictimInformedInput, police: { updatesFor: PoliceUpdatesFor; crimeFor: PoliceCrimeFor }): Promise<VictimInformedRecord> {
    const now = this.clock();
    const crimeReference = input.crimeReference.trim();
    const policeUpdateId = input.policeUpdateId?.trim() || null;
    assertNotInFuture(input.occurredAt, now);
    // GMP's own record, read before the transaction: a slow police API must hold no lock.
    if (!crimeReference) throw appError(ErrorCode.INVALID_INPUT, "No such crime", { argument: "crimeReference" });
    if (policeUpdateId !== null) {
      await assertToldOfUpdate(police.updatesFor, crimeReference, policeUpdateId, input.occurredAt, "No such investigation update for this crime");
    } else {
      // The crime report itself: the crime must be GMP's, and the victim told of it no earlier than it was recorded.
      const crime = await police.crimeFor(crimeReference);
      if (!crime) throw appError(ErrorCode.INVALID_INPUT, "No such crime", { argument: "crimeReference" });
      if (input.occurredAt.getTime() < Date.parse(crime.recordedAt)) {
        throw appError(ErrorCode.INVALID_INPUT, "The victim cannot be told of a report before it was made", { argument: "occurredAt" });
      }
    }
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(VictimInformedRecord);
      const saved = await repo.save(
        repo.create({
          crimeReference,
          policeUpdateId,
          occurredAt: input.occurredAt,
          channel: input.channel,
          organisation: actor.principal.organisation,
          madeBy: actor.principal.subject,
          recordedAt: now,
        }),
      );
      // The crime's subject where intake has linked one; never a new one here, which intake would then find in its way.
      const subjectId = await this.governance.subjectOf(m, { system: SubjectSystem.POLICE_CRIME, ref: crimeReference });
      await auditThroughGovernance(m, "victims", [
        {
          ...changeEvent(actor, { subjectId, category: DataCategory.INVESTIGATION_UPDATES, holder: actor.principal.organisation, reason: VICTIM_INFORMED, at: now }),
          records: [referenceTo("Crime", crimeReference)],
        },
      ]);
      return saved;
    });
  }

  /**
   * Records an update given to the victim. Telling them of a police decision
   * must name the police update it reports, one of the case's crime's, and
   * cannot come before it: that is what Right 6 is judged on.
   */
  async record(actor: Actor, caseId: string, input: ContactInput, policeUpdatesFor: PoliceUpdatesFor): Promise<ContactRecord> {
    const now = this.clock();
    const summary = input.summary.trim();
    if (!summary) throw appError(ErrorCode.INVALID_INPUT, "Say what the victim was told", { argument: "summary" });
    assertNotInFuture(input.occurredAt, now);
    const policeUpdateId = input.policeUpdateId?.trim() || null;
    const answers = UPDATE_A_PURPOSE_ANSWERS[input.purpose];
    if (answers !== undefined && policeUpdateId === null) {
      throw appError(ErrorCode.INVALID_INPUT, `Name the police update a ${input.purpose} contact answers`, { argument: "policeUpdateId" });
    }
    if (answers === undefined && policeUpdateId !== null) {
      throw appError(ErrorCode.INVALID_INPUT, `A ${input.purpose} contact names no police update`, { argument: "policeUpdateId" });
    }
    // Checked before the transaction: a slow police API must not hold the case row locked.
    const [kaseBefore] = await this.dataSource.query(`SELECT crime_reference FROM victims."case" WHERE id = $1`, [isUuid(caseId) ? caseId : null]);
    if (policeUpdateId !== null) {
      const crimeReference = (kaseBefore as { crime_reference: string | null } | undefined)?.crime_reference ?? null;
      if (crimeReference === null) throw appError(ErrorCode.INVALID_INPUT, "This case has no crime, so no police update to tell of", { argument: "policeUpdateId" });
      const update = await assertToldOfUpdate(policeUpdatesFor, crimeReference, policeUpdateId, input.occurredAt, "No such police update for this case's crime");
      if (answers && !answers.includes(update.kind)) {
        throw appError(ErrorCode.INVALID_INPUT, `A ${input.purpose} contact answers a ${answers.join(" or ")} update, not ${update.kind}`, { argument: "policeUpdateId" });
      }
    }
    return this.dataSource.transaction(async (m) => {
      const { kase, subjectId } = await lockCase(m, this.governance, caseId);
      assertCaseOpenForChanges(kase.status);
      const repo = m.getRepository(ContactRecord);
      const saved = await repo.save(
        repo.create({
          caseId: kase.id,
          occurredAt: input.occurredAt,
          channel: input.channel,
          purpose: input.purpose,
          summary,
          madeBy: actor.principal.subject,
          policeUpdateId,
          recordedAt: now,
        }),
      );
      await touchCase(m, kase.id, now);
      await auditCaseFileChange(m, actor, subjectId, DataCategory.CASE_NOTES, CaseFileChange.CONTACT_RECORDED, now);
      return saved;
    });
  }
}
