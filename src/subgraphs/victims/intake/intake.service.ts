import { caseEvent, matchCandidateEvent } from "../cases/case-events";
import { emitEvents } from "../../../platform/events/outbox";
import { EventType } from "../../../platform/events/event";
import { DataSource, EntityManager, In } from "typeorm";
import { isUuid } from "../../../platform/batch";
import { Borough, OrganisationCode } from "../../../platform/domain";
import { appError, ErrorCode } from "../../../platform/errors";
import { DataCategory } from "../../../policy/categories";
import type { GovernanceWrites } from "../../../policy/governance-commands";
import { SubjectSystem } from "../../../policy/sensitive";
import { Actor, auditCaseFileChange, CaseFileChange } from "../audit";
import { CaseRecord } from "../cases/case.entity";
import { EnhancedRightsRecord } from "../cases/enhanced-rights.entity";
import { CaseStatus, ReferralRoute, ThematicLead } from "../cases/case.types";
import { ageBandOn } from "../people/age-band";
import { VictimRecord } from "../people/victim.entity";
import { fromEngine } from "../source-errors";
import { assessEntitlements, EntitlementStatus } from "../victims-code/engine";
import { ContactKind, EnhancedRightsCategory, EntitlementCode, PoliceEventKind } from "../victims-code/rules";
import { londonDateOf } from "../victims-code/working-days";
import { MatchCandidateRecord } from "./match-candidate.entity";
import { MatchAction, transitionMatch } from "./match-status";
import { Candidate, matchPerson, normaliseEmail, normalisePhone, normalisePostcode } from "./matching";
import { MatchCandidateStatus, PoliceReferralInput, PoliceReferralReceipt, SelfReferralInput, VictimDetailsInput } from "./intake.types";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** How many known people one intake compares against at most: enough for any real pool sharing a name, date of birth or postcode. */
const MATCH_POOL_LIMIT = 200;

interface Intake {
  route: ReferralRoute;
  details: VictimDetailsInput;
  policeVictimRef: string | null;
  borough: Borough;
  thematicLead: ThematicLead;
  enhancedRights: EnhancedRightsCategory[];
  crimeReference: string | null;
  crimeReportedAt: Date | null;
  referralDeclined: boolean;
}

export interface IntakeOutcome {
  kase: CaseRecord;
  matchedExistingVictim: boolean;
  candidates: MatchCandidateRecord[];
}

/**
 * Intake: a police referral or a self-referral opens a case for a person,
 * matched to one GMVS already knows only by an exact identifier; anyone else
 * similar becomes a candidate for a caseworker. In the same transaction it
 * links the case (and the crime) to the person's governance subject, opens the
 * relationships that let GMVS (and GMP, for its crime) see the case, and
 * audits the write.
 */
export class IntakeService {
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

  async receivePoliceReferral(actor: Actor, input: PoliceReferralInput): Promise<PoliceReferralReceipt> {
    const now = this.clock();
    const crimeReference = input.crimeReference.trim();
    if (!crimeReference) throw appError(ErrorCode.INVALID_INPUT, "A police referral needs the crime reference", { argument: "crimeReference" });
    const policeVictimRef = input.policeVictimRef.trim();
    if (!policeVictimRef) throw appError(ErrorCode.INVALID_INPUT, "A police referral needs GMP's victim reference", { argument: "policeVictimRef" });
    if (Number.isNaN(input.crimeReportedAt.getTime()) || input.crimeReportedAt > now) {
      throw appError(ErrorCode.INVALID_INPUT, "The crime cannot be reported after the referral is received", { argument: "crimeReportedAt" });
    }
    // Worked out before anything is written, from what the case will hold: a
    // clock the engine cannot time (a deadline past the bank-holiday data) is
    // then a typed refusal with nothing written, not a fault after the commit.
    const right4 = fromEngine(() =>
      right4Of({ crimeReportedAt: input.crimeReportedAt, referralReceivedAt: now, referralDeclined: input.victimOptedOut, enhancedRights: input.enhancedRights }, now),
    );
    const { kase } = await this.open(actor, now, {
      route: ReferralRoute.POLICE,
      details: input.victim,
      policeVictimRef,
      borough: input.borough,
      thematicLead: input.thematicLead,
      enhancedRights: input.enhancedRights,
      crimeReference,
      crimeReportedAt: input.crimeReportedAt,
      referralDeclined: input.victimOptedOut,
    });
    return { caseId: kase.id, caseReference: kase.caseReference, receivedAt: now, right4Status: right4.status, right4DueAt: right4.dueAt };
  }

  selfRefer(actor: Actor, input: SelfReferralInput): Promise<IntakeOutcome> {
    return this.open(actor, this.clock(), {
      route: ReferralRoute.SELF,
      details: input.victim,
      policeVictimRef: null,
      borough: input.borough,
      thematicLead: input.thematicLead,
      enhancedRights: input.enhancedRights,
      crimeReference: null,
      crimeReportedAt: null,
      referralDeclined: false,
    });
  }

  private async open(actor: Actor, now: Date, intake: Intake): Promise<IntakeOutcome> {
    const details = validDetails(intake.details, now);
    const person = { ...details, policeVictimRef: intake.policeVictimRef };
    return this.dataSource.transaction(async (m) => {
      const pool = await this.matchPool(m, person);
      const outcome = matchPerson(person, pool);

      let victim: VictimRecord;
      let subjectId: string;
      if (outcome.exact) {
        victim = await this.fillBlanks(m, outcome.exact.person.id, person, now);
        subjectId = await this.governance.linkSubject(m, { system: SubjectSystem.GMVS_VICTIM, ref: victim.id });
        if (intake.crimeReference !== null) {
          const [already] = await m.query(`SELECT 1 FROM victims."case" WHERE victim_id = $1 AND crime_reference = $2`, [victim.id, intake.crimeReference]);
          if (already) throw appError(ErrorCode.CONFLICT, "This victim was already referred for this crime", { crimeReference: intake.crimeReference });
        }
      } else {
        victim = await m.getRepository(VictimRecord).save(m.getRepository(VictimRecord).create({ ...person, createdAt: now, updatedAt: now }));
        subjectId = await this.governance.linkSubject(m, { system: SubjectSystem.GMVS_VICTIM, ref: victim.id });
      }

      const [{ n }] = (await m.query(`SELECT nextval('victims.case_reference_seq') AS n`)) as { n: string }[];
      const kase = await m.getRepository(CaseRecord).save(
        m.getRepository(CaseRecord).create({
          caseReference: `GMVS-${londonDateOf(now).slice(0, 4)}-${String(n).padStart(6, "0")}`,
          borough: intake.borough,
          thematicLead: intake.thematicLead,
          status: CaseStatus.AWAITING_ASSESSMENT,
          openedAt: now,
          crimeReference: intake.crimeReference,
          victimId: victim.id,
          referralRoute: intake.route,
          assignedWorker: null,
          enhancedRights: [...new Set(intake.enhancedRights)],
          crimeReportedAt: intake.crimeReportedAt,
          referralReceivedAt: now,
          referralDeclined: intake.referralDeclined,
          closedAt: null,
          closureReason: null,
          updatedAt: now,
        }),
      );

      if (kase.enhancedRights.length > 0) {
        // As the referrer judged them: from the crime's report for GMP's referral (GMP assessed them then), else from now.
        const records = m.getRepository(EnhancedRightsRecord);
        await records.save(
          records.create({
            caseId: kase.id,
            categories: kase.enhancedRights,
            withheld: [],
            appliesFrom: intake.crimeReportedAt ?? now,
            reason: intake.route === ReferralRoute.POLICE ? "Recorded by GMP in its referral" : "Recorded at self-referral",
            recordedBy: actor.principal.subject,
            recordedAt: now,
          }),
        );
      }
      await this.governance.linkSubject(m, { system: SubjectSystem.GMVS_CASE, ref: kase.id }, subjectId);
      await this.governance.openRelationship(m, { subjectId, organisation: OrganisationCode.GMVS, kind: "gmvs-case", sourceRef: kase.id, openedAt: now });
      if (intake.crimeReference !== null) await this.linkCrime(m, intake.crimeReference, subjectId, now);

      // The case opens before anything is raised about it: events of one case are read in the order written.
      await emitEvents(m, "victims", [caseEvent(EventType.CASE_OPENED, kase.id, now)]);
      const candidates = await this.recordCandidates(m, victim.id, kase.id, outcome.candidates, now);
      await auditCaseFileChange(
        m,
        actor,
        subjectId,
        DataCategory.IDENTITY,
        intake.route === ReferralRoute.POLICE ? CaseFileChange.POLICE_REFERRAL_RECEIVED : CaseFileChange.SELF_REFERRAL_RECEIVED,
        now,
      );
      if (outcome.exact) await auditCaseFileChange(m, actor, subjectId, DataCategory.IDENTITY, CaseFileChange.VICTIM_MATCHED_EXACTLY, now);
      return { kase, matchedExistingVictim: outcome.exact !== null, candidates };
    });
  }

  /**
   * Links the crime to the person and opens GMP's relationship for it. A crime
   * already linked to someone else (a crime can have more than one victim) is
   * left as it is: linking it here would let this case see another person's
   * police record, so the case simply gets no police data until governance
   * records the crime's victims separately.
   */
  private async linkCrime(m: EntityManager, crimeReference: string, subjectId: string, now: Date): Promise<void> {
    const crime = { system: SubjectSystem.POLICE_CRIME, ref: crimeReference };
    const existing = await this.governance.subjectOf(m, crime);
    if (existing !== null && existing !== subjectId) return;
    await this.governance.linkSubject(m, crime, subjectId);
    await this.governance.openRelationship(m, { subjectId, organisation: OrganisationCode.GMP, kind: "police-crime", sourceRef: crimeReference, openedAt: now });
  }

  /** Everyone who shares an identifier, a date of birth, a family name or a postcode: one statement. */
  private async matchPool(m: EntityManager, person: VictimDetailsInput & { policeVictimRef: string | null }): Promise<VictimRecord[]> {
    return m
      .getRepository(VictimRecord)
      .createQueryBuilder("v")
      .where("v.merged_into IS NULL")
      .andWhere(
        `(v.police_victim_ref = :ref OR lower(v.email) = :email OR v.phone = :phone OR v.date_of_birth = :dob
          OR lower(v.family_name) = :family OR replace(upper(v.postcode), ' ', '') = :postcode)`,
        {
          ref: person.policeVictimRef ?? "",
          email: normaliseEmail(person.email) ?? "",
          phone: normalisePhone(person.phone) ?? "",
          dob: person.dateOfBirth ?? "0001-01-01",
          family: person.familyName?.trim().toLowerCase() ?? "",
          postcode: normalisePostcode(person.postcode) ?? "",
        },
      )
      .orderBy("v.created_at", "ASC")
      .take(MATCH_POOL_LIMIT)
      .getMany();
  }

  /** An exact match keeps what GMVS already holds and only fills what it lacked. */
  private async fillBlanks(m: EntityManager, id: string, person: Partial<VictimRecord>, now: Date): Promise<VictimRecord> {
    const repo = m.getRepository(VictimRecord);
    const existing = await repo.findOneByOrFail({ id });
    const filled: Partial<VictimRecord> = {};
    for (const [key, value] of Object.entries(person) as [keyof VictimRecord, unknown][]) {
      if (value !== null && value !== undefined && (existing[key] === null || existing[key] === undefined)) Object.assign(filled, { [key]: value });
    }
    if (Object.keys(filled).length) await repo.update({ id }, { ...filled, updatedAt: now });
    return { ...existing, ...filled };
  }

  private async recordCandidates(m: EntityManager, victimId: string, caseId: string, candidates: Candidate[], now: Date): Promise<MatchCandidateRecord[]> {
    if (candidates.length === 0) return [];
    const repo = m.getRepository(MatchCandidateRecord);
    const saved = await repo.save(
      candidates.map((c) =>
        repo.create({
          victimId,
          candidateVictimId: c.person.id,
          caseId,
          score: c.score,
          reasons: c.reasons,
          status: MatchCandidateStatus.PENDING,
          createdAt: now,
          decidedAt: null,
          decidedBy: null,
        }),
      ),
    );
    await emitEvents(m, "victims", saved.map((c) => matchCandidateEvent(EventType.MATCH_CANDIDATE_RAISED, c, now)));
    return saved;
  }

  /**
   * A caseworker confirms the referred person is the one already known: the
   * referred record's cases move to the known person, the two governance
   * subjects become one, blanks are filled, and the referred record is marked
   * merged. The referred record's other pending candidates are rejected, as
   * it is no longer a person of its own.
   */
  async confirmMatch(actor: Actor, candidateId: string): Promise<MatchCandidateRecord> {
    const now = this.clock();
    return this.dataSource.transaction(async (m) => {
      const candidate = await this.lockCandidate(m, candidateId);
      candidate.status = transitionMatch(candidate.status, MatchAction.CONFIRM);
      Object.assign(candidate, { decidedAt: now, decidedBy: actor.principal.subject });
      await m.getRepository(MatchCandidateRecord).save(candidate);

      const referred = await m.getRepository(VictimRecord).findOneByOrFail({ id: candidate.victimId });
      if (referred.mergedInto !== null) throw appError(ErrorCode.CONFLICT, "The referred person was already merged into another record");
      const { id: _id, mergedInto: _merged, createdAt: _created, updatedAt: _updated, ...details } = referred;
      // The police reference is unique to one record: it moves with the rest.
      await m.getRepository(VictimRecord).update({ id: referred.id }, { mergedInto: candidate.candidateVictimId, policeVictimRef: null, updatedAt: now });
      await this.fillBlanks(m, candidate.candidateVictimId, details, now);
      await m.query(`UPDATE victims."case" SET victim_id = $2, updated_at = $3 WHERE victim_id = $1`, [referred.id, candidate.candidateVictimId, now]);

      const from = await this.governance.linkSubject(m, { system: SubjectSystem.GMVS_VICTIM, ref: referred.id });
      const into = await this.governance.linkSubject(m, { system: SubjectSystem.GMVS_VICTIM, ref: candidate.candidateVictimId });
      await this.governance.mergeSubjects(m, from, into);

      const others = await m.getRepository(MatchCandidateRecord).findBy({ victimId: referred.id, status: MatchCandidateStatus.PENDING });
      for (const other of others) {
        other.status = transitionMatch(other.status, MatchAction.REJECT);
        Object.assign(other, { decidedAt: now, decidedBy: actor.principal.subject });
      }
      if (others.length) await m.getRepository(MatchCandidateRecord).save(others);
      await emitEvents(m, "victims", [candidate, ...others].map((c) => matchCandidateEvent(EventType.MATCH_CANDIDATE_DECIDED, c, now)));
      await auditCaseFileChange(m, actor, into, DataCategory.IDENTITY, CaseFileChange.VICTIM_MATCH_CONFIRMED, now);
      return candidate;
    });
  }

  /** A caseworker says they are different people: nothing merges, the decision is kept. */
  async rejectMatch(actor: Actor, candidateId: string): Promise<MatchCandidateRecord> {
    const now = this.clock();
    return this.dataSource.transaction(async (m) => {
      const candidate = await this.lockCandidate(m, candidateId);
      candidate.status = transitionMatch(candidate.status, MatchAction.REJECT);
      Object.assign(candidate, { decidedAt: now, decidedBy: actor.principal.subject });
      await m.getRepository(MatchCandidateRecord).save(candidate);
      await emitEvents(m, "victims", [matchCandidateEvent(EventType.MATCH_CANDIDATE_DECIDED, candidate, now)]);
      const subjectId = await this.governance.linkSubject(m, { system: SubjectSystem.GMVS_VICTIM, ref: candidate.victimId });
      await auditCaseFileChange(m, actor, subjectId, DataCategory.IDENTITY, CaseFileChange.VICTIM_MATCH_REJECTED, now);
      return candidate;
    });
  }

  private async lockCandidate(m: EntityManager, id: string): Promise<MatchCandidateRecord> {
    const candidate = isUuid(id)
      ? await m.getRepository(MatchCandidateRecord).findOne({ where: { id }, lock: { mode: "pessimistic_write" } })
      : null;
    if (!candidate) throw appError(ErrorCode.NOT_FOUND, "No such match candidate", { argument: "candidateId" });
    return candidate;
  }

  /** Candidates waiting for a caseworker, oldest first. */
  pending(first: number): Promise<MatchCandidateRecord[]> {
    return this.dataSource.getRepository(MatchCandidateRecord).find({ where: { status: MatchCandidateStatus.PENDING }, order: { createdAt: "ASC", id: "ASC" }, take: first });
  }

  async candidatesForCases(caseIds: readonly string[]): Promise<MatchCandidateRecord[]> {
    const valid = caseIds.filter(isUuid);
    return valid.length ? this.dataSource.getRepository(MatchCandidateRecord).findBy({ caseId: In(valid) }) : [];
  }
}

/** Right 4 for a police referral, judged at `now`: the report starts the clock, GMVS's receipt is the details passed on. */
export function right4Of(kase: Pick<CaseRecord, "crimeReportedAt" | "referralReceivedAt" | "referralDeclined" | "enhancedRights">, now: Date) {
  if (!kase.crimeReportedAt || !kase.referralReceivedAt) return { status: EntitlementStatus.NOT_APPLICABLE, dueAt: null };
  const [r4] = assessEntitlements(
    {
      enhancedRights: kase.enhancedRights,
      referralDeclined: kase.referralDeclined,
      policeEvents: [{ id: "crime-report", kind: PoliceEventKind.CRIME_REPORTED, occurredAt: kase.crimeReportedAt }],
      contacts: [{ kind: ContactKind.REFERRAL_PASSED_ON, occurredAt: kase.referralReceivedAt, eventId: "crime-report" }],
    },
    { now },
  ).filter((r) => r.entitlement === EntitlementCode.R4_REFERRAL_TO_SUPPORT_SERVICES);
  return { status: r4?.status ?? EntitlementStatus.NOT_APPLICABLE, dueAt: r4?.dueAt ?? null };
}

/** Trims, normalises identifiers for matching, checks the date of birth and works out the age band. */
function validDetails(details: VictimDetailsInput, now: Date): Omit<VictimDetailsInput, never> {
  const text = (value: string | null | undefined) => value?.trim() || null;
  const dateOfBirth = text(details.dateOfBirth);
  if (dateOfBirth !== null) {
    const parsed = new Date(`${dateOfBirth}T00:00:00Z`);
    if (!DATE.test(dateOfBirth) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== dateOfBirth) {
      throw appError(ErrorCode.INVALID_INPUT, "dateOfBirth must be a YYYY-MM-DD date", { argument: "dateOfBirth" });
    }
    if (dateOfBirth > londonDateOf(now)) throw appError(ErrorCode.INVALID_INPUT, "dateOfBirth cannot be in the future", { argument: "dateOfBirth" });
  }
  const email = normaliseEmail(details.email);
  if (email !== null && !/^[^\s@]+@[^\s@]+$/.test(email)) throw appError(ErrorCode.INVALID_INPUT, "email is not an email address", { argument: "email" });
  if (!text(details.givenName) && !text(details.familyName) && !email && !text(details.phone)) {
    throw appError(ErrorCode.INVALID_INPUT, "Give at least a name, an email or a phone number", { argument: "victim" });
  }
  return {
    givenName: text(details.givenName),
    familyName: text(details.familyName),
    dateOfBirth,
    email,
    phone: normalisePhone(details.phone),
    postcode: text(details.postcode)?.toUpperCase() ?? null,
    addressLine: text(details.addressLine),
    ageBand: dateOfBirth !== null ? ageBandOn(dateOfBirth, londonDateOf(now)) : (details.ageBand ?? null),
    sex: details.sex ?? null,
    ethnicity: details.ethnicity ?? null,
    disability: details.disability ?? null,
    religion: details.religion ?? null,
  };
}
