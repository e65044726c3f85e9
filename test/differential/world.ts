import fc from "fast-check";
import { randomUUID } from "node:crypto";
import { AgeBand, PartnerCaseRecord, PartnerCode, emptyCaseRecord, SupportActionKind, SupportActionStatus, OutcomeMeasureKind } from "../../connectors/partners";
import type { HourglassReturnStore } from "../../connectors/hourglass/store";
import { ReturnStatus } from "../../connectors/hourglass/returns-csv";
import { Borough, HateCrimeStrand, InvestigationStatus, InvestigationUpdateKind, ProtectiveOrderKind, ProtectiveOrderStatus, TriageRisk } from "../../connectors/police/types";
import { OrganisationCode } from "../../src/platform/domain";
import { Purpose, Role } from "../../src/platform/principal";
import { DataCategory } from "../../src/policy/categories";
import type { TestHub } from "../support/hub";
import { insertCase, linkCaseAndCrime } from "../support/cases";
import { addPartnerRecords } from "../support/partners";
import { policeStandIn, recordCrime } from "../support/police";
import { agreementFiles } from "./oracle";

/**
 * A random world for the differential test: victims with a GMVS case and a
 * police crime, the partners' records about them, referrals in every state,
 * and governance's facts (whether it knows the person at all, who has a
 * relationship, which consents were given, withdrawn or are not yet in
 * force). Everything the oracle needs to know is here; nothing is read back
 * from the hub.
 */

export const ORGANISATIONS = Object.values(OrganisationCode);
export const PARTNERS = [OrganisationCode.PANKHURST, OrganisationCode.HOURGLASS, OrganisationCode.CHALLENGER] as const;
export type PartnerOrg = (typeof PARTNERS)[number];
export type ReferralState = "SENT" | "RECEIVED" | "ACCEPTED" | "DECLINED" | "WITHDRAWN" | "CLOSED";
export const REFERRAL_STATES: ReferralState[] = ["SENT", "RECEIVED", "ACCEPTED", "DECLINED", "WITHDRAWN", "CLOSED"];

/** Instants in the worlds: minutes after this, so every value is known exactly. */
const EPOCH = Date.parse("2026-10-01T00:00:00.000Z");
export const at = (minutes: number): string => new Date(EPOCH + minutes * 60_000).toISOString();

export interface WorldConsent {
  id?: string;
  recipient: OrganisationCode;
  categories: DataCategory[];
  purposes: Purpose[];
  /** GIVEN: in force; WITHDRAWN: given, then withdrawn an hour ago; NOT_YET_GIVEN: given from tomorrow. */
  state: "GIVEN" | "WITHDRAWN" | "NOT_YET_GIVEN";
}

export interface WorldCrime {
  crimeReference: string;
  offenceCode: string;
  offenceDescription: string;
  borough: Borough;
  status: InvestigationStatus;
  domesticAbuse: boolean;
  stalking: boolean;
  hateCrimeStrand: HateCrimeStrand | null;
  recordedAt: string;
  victimRef: string;
  triage: TriageRisk | null;
  updates: { id: string; kind: InvestigationUpdateKind; occurredAt: string; summary: string }[];
  orders: { id: string; kind: ProtectiveOrderKind; status: ProtectiveOrderStatus; appliedOn: string; grantedOn: string | null; expiresOn: string | null }[];
}

export interface WorldEpisode {
  id: string;
  service: string;
  worker: string;
  startedAt: string;
  endedAt: string | null;
}

export interface WorldReferral {
  id: string;
  partner: PartnerOrg;
  service: string;
  status: ReferralState;
  reason: string;
  sentAt: string;
  receivedAt: string | null;
  acceptedAt: string | null;
  declinedAt: string | null;
  declineReason: string | null;
  withdrawnAt: string | null;
  closedAt: string | null;
}

export interface WorldVictim {
  caseId: string;
  caseReference: string;
  borough: Borough;
  thematicLead: string;
  openedAt: string;
  crime: WorldCrime;
  /** Whether governance links the case and crime to a subject; without, only their holders see them. */
  linked: boolean;
  relationships: { organisation: OrganisationCode; closed: boolean }[];
  consents: WorldConsent[];
  /** Pankhurst's own system's records for the case. */
  pankhurst: {
    episodes: WorldEpisode[];
    supportActions: { id: string; kind: SupportActionKind; date: string; status: SupportActionStatus }[];
    safetyPlans: { id: string; createdAt: string; nextReviewDue: string | null }[];
    outcomes: { id: string; measure: OutcomeMeasureKind; value: number; recordedAt: string }[];
  } | null;
  /** Hourglass's latest monthly return row for the case: its section and one episode. */
  hourglass: { episodeId: string; worker: string; ageBand: AgeBand; economicAbuse: boolean; episodeStart: string } | null;
  /** Assessments recorded through the hub by any partner (RISK records held by that partner). */
  riskAssessments: { id: string; partner: PartnerOrg; assessedAt: string; assessor: string }[];
  maracReferrals: { id: string; partner: PartnerOrg; assessmentId: string; raisedAt: string; reasons: string[] }[];
  referrals: WorldReferral[];
}

export interface World {
  victims: WorldVictim[];
  /** Agreements out of force in this world: each has a later version that ended before today (insertWorld). */
  expiredAgreements: string[];
}

// ---------------------------------------------------------------------------
// Arbitraries. Ids are made fresh when the world is built (fast-check values
// stay small and shrinkable), so worlds never collide in one store.

const ts = fc.integer({ min: 0, max: 60 * 24 * 50 });
const orgArb = fc.constantFrom(...ORGANISATIONS);
const partnerArb = fc.constantFrom(...PARTNERS);

const consentArb: fc.Arbitrary<WorldConsent> = fc.record({
  recipient: fc.oneof({ weight: 3, arbitrary: partnerArb as fc.Arbitrary<OrganisationCode> }, { weight: 1, arbitrary: orgArb }),
  categories: fc.oneof(
    fc.subarray(Object.values(DataCategory), { minLength: 1 }),
    fc.constant<DataCategory[]>([DataCategory.SUPPORT]),
    fc.constant<DataCategory[]>([DataCategory.SUPPORT, DataCategory.RISK, DataCategory.OFFENCE_DETAILS, DataCategory.INVESTIGATION_UPDATES]),
    fc.constant<DataCategory[]>(Object.values(DataCategory)),
  ),
  purposes: fc.oneof({ weight: 3, arbitrary: fc.constant<Purpose[]>([Purpose.SUPPORT]) }, { weight: 1, arbitrary: fc.subarray(Object.values(Purpose), { minLength: 1 }) }),
  state: fc.constantFrom("GIVEN", "GIVEN", "WITHDRAWN", "NOT_YET_GIVEN"),
});

type VictimSpec = Omit<WorldVictim, "caseId" | "caseReference" | "crime" | "riskAssessments" | "maracReferrals" | "referrals" | "pankhurst" | "hourglass"> & {
  hourglass: null | { worker: string; ageBand: AgeBand; economicAbuse: boolean; episodeStart: string };
  crime: Omit<WorldCrime, "crimeReference" | "victimRef" | "updates" | "orders"> & { updates: Omit<WorldCrime["updates"][number], "id">[]; orders: Omit<WorldCrime["orders"][number], "id">[] };
  pankhurst: null | {
    episodes: Omit<WorldEpisode, "id">[];
    supportActions: { kind: SupportActionKind; date: string; status: SupportActionStatus }[];
    safetyPlans: { createdAt: string; nextReviewDue: string | null }[];
    outcomes: { measure: OutcomeMeasureKind; value: number; recordedAt: string }[];
  };
  riskAssessments: { partner: PartnerOrg; assessedAt: string; assessor: string }[];
  maracReferrals: { partner: PartnerOrg; raisedAt: string; reasons: string[] }[];
  referrals: { partner: PartnerOrg; service: string; status: ReferralState; sentAt: number }[];
};

const crimeArb = fc.record({
  offence: fc.constantFrom(["8Q", "Stalking"], ["8L", "Harassment"], ["8R", "Controlling or coercive behaviour"], ["106", "Modern slavery"]),
  borough: fc.constantFrom(...Object.values(Borough)),
  status: fc.constantFrom(...Object.values(InvestigationStatus)),
  domesticAbuse: fc.boolean(),
  stalking: fc.boolean(),
  hateCrimeStrand: fc.option(fc.constantFrom(...Object.values(HateCrimeStrand)), { nil: null }),
  recordedAt: ts,
  triage: fc.option(fc.constantFrom(...Object.values(TriageRisk)), { nil: null }),
  updates: fc.array(fc.record({ kind: fc.constantFrom(...Object.values(InvestigationUpdateKind)), occurredAt: ts.map(at), summary: fc.constantFrom("Suspect arrested", "Charged", "Hearing listed") }), { maxLength: 2 }),
  orders: fc.array(
    fc.record({
      kind: fc.constantFrom(...Object.values(ProtectiveOrderKind)),
      status: fc.constantFrom(...Object.values(ProtectiveOrderStatus)),
      appliedOn: fc.constantFrom("2026-10-02", "2026-10-20"),
      grantedOn: fc.constantFrom(null, "2026-10-27"),
      expiresOn: fc.constantFrom(null, "2028-10-27"),
    }),
    { maxLength: 1 },
  ),
}).map(({ offence, recordedAt, ...c }) => ({ ...c, offenceCode: offence[0] as string, offenceDescription: offence[1] as string, recordedAt: at(recordedAt) }));

const victimArb: fc.Arbitrary<VictimSpec> = fc.record({
  borough: fc.constantFrom(...Object.values(Borough)),
  thematicLead: fc.constantFrom("STALKING", "DOMESTIC_ABUSE", "MODERN_SLAVERY", "OLDER_PEOPLE", "GENERAL"),
  openedAt: ts.map(at),
  crime: crimeArb,
  linked: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  // Each organisation: no relationship, an open one or a closed one; most victims have several.
  relationships: fc
    .tuple(...ORGANISATIONS.map((organisation) => fc.constantFrom<"none" | "open" | "closed">("none", "none", "open", "open", "open", "closed").map((state) => ({ organisation, state }))))
    .map((all) => all.filter((r) => r.state !== "none").map((r) => ({ organisation: r.organisation, closed: r.state === "closed" }))),
  consents: fc.array(consentArb, { maxLength: 5 }),
  pankhurst: fc.option(
    fc.record({
      episodes: fc.array(fc.record({ service: fc.constantFrom("Restore", "Domestic abuse support"), worker: fc.constantFrom("Advocate T1", "Advocate T2"), startedAt: ts.map(at), endedAt: fc.option(ts.map(at), { nil: null }) }), {
        maxLength: 2,
      }),
      supportActions: fc.array(fc.record({ kind: fc.constantFrom(...Object.values(SupportActionKind)), date: fc.constantFrom("2026-10-05", "2026-11-12"), status: fc.constantFrom(...Object.values(SupportActionStatus)) }), {
        maxLength: 2,
      }),
      safetyPlans: fc.array(fc.record({ createdAt: ts.map(at), nextReviewDue: fc.constantFrom(null, "2026-12-08") }), { maxLength: 1 }),
      outcomes: fc.array(fc.record({ measure: fc.constantFrom(...Object.values(OutcomeMeasureKind)), value: fc.integer({ min: 1, max: 5 }), recordedAt: ts.map(at) }), { maxLength: 1 }),
    }),
    { nil: null, freq: 3 },
  ),
  hourglass: fc.option(
    fc.record({
      worker: fc.constantFrom("Specialist worker S1", "Specialist worker S2"),
      ageBand: fc.constantFrom(...Object.values(AgeBand)),
      economicAbuse: fc.boolean(),
      episodeStart: fc.constantFrom("2026-10-03", "2026-10-17", "2026-11-02"),
    }),
    { nil: null, freq: 3 },
  ),
  riskAssessments: fc.array(fc.record({ partner: partnerArb, assessedAt: ts.map(at), assessor: fc.constantFrom("Advocate A1", "Navigator N2") }), { maxLength: 2 }),
  maracReferrals: fc.array(fc.record({ partner: partnerArb, raisedAt: ts.map(at), reasons: fc.constantFrom(["VISIBLE_HIGH_RISK"], ["PROFESSIONAL_JUDGEMENT", "ESCALATION"]) }), { maxLength: 2 }),
  referrals: fc.array(fc.record({ partner: partnerArb, service: fc.constantFrom("Restore", "Older people's support", "Victim navigator"), status: fc.constantFrom(...REFERRAL_STATES), sentAt: ts }), { maxLength: 3 }),
});

export const worldArb: fc.Arbitrary<VictimSpec[]> = fc.array(victimArb, { minLength: 2, maxLength: 4 });

/**
 * Which agreements a world holds out of force: none in most worlds, one or two
 * in the rest, so an agreement's dates are a condition the comparison meets.
 * Drawn apart from the victims, so a seed's victims stay what they were.
 */
export const expiredAgreementsArb: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 2, arbitrary: fc.constant<string[]>([]) },
  { weight: 1, arbitrary: fc.subarray(agreementFiles().map((a) => a.id), { minLength: 1, maxLength: 2 }) },
);

/** Gives a world's records fresh ids (unique across worlds in one store) and distinct instants where lists are ordered by them. */
export function realise(specs: VictimSpec[], expiredAgreements: string[] = []): World {
  let tick = 0;
  // Lists ordered by time get distinct instants, so their order is the order of the world.
  const distinct = (iso: string) => new Date(Date.parse(iso) + ++tick * 1000).toISOString();
  const victims = specs.map((spec): WorldVictim => {
    const caseId = randomUUID();
    const short = caseId.slice(0, 8);
    const crimeReference = `SYN/D${short}/26`;
    const { updates, orders, ...crime } = spec.crime;
    return {
      ...spec,
      caseId,
      caseReference: `GMVS-DIFF-${short}`,
      crime: {
        ...crime,
        crimeReference,
        victimRef: `SYN-VICTIM-${crimeReference}`,
        updates: updates.map((u, i) => ({ ...u, id: `SYN-UPD-${short}-${i}` })),
        orders: orders.map((o, i) => ({ ...o, id: `SYN-ORD-${short}-${i}` })),
      },
      consents: spec.consents.map((c) => ({ ...c })),
      pankhurst: spec.pankhurst && {
        episodes: spec.pankhurst.episodes.map((e, i) => ({ ...e, id: `PK-EP-D${short}-${i}` })),
        supportActions: spec.pankhurst.supportActions.map((a, i) => ({ ...a, id: `PK-SA-D${short}-${i}` })),
        safetyPlans: spec.pankhurst.safetyPlans.map((p, i) => ({ ...p, id: `PK-SP-D${short}-${i}` })),
        outcomes: spec.pankhurst.outcomes.map((o, i) => ({ ...o, id: `PK-OM-D${short}-${i}` })),
      },
      hourglass: spec.hourglass && { ...spec.hourglass, episodeId: `HG-EP-D${short}` },
      riskAssessments: spec.riskAssessments.map((r) => ({ ...r, id: randomUUID(), assessedAt: distinct(r.assessedAt) })),
      maracReferrals: spec.maracReferrals.map((m, i) => ({ ...m, id: randomUUID(), assessmentId: `RA-D${short}-${i}`, raisedAt: distinct(m.raisedAt) })),
      referrals: spec.referrals.map((r) => referralIn(r.status, { id: randomUUID(), partner: r.partner, service: r.service, sentAt: distinct(at(r.sentAt)) })),
    };
  });
  return { victims, expiredAgreements };
}

/** A referral with the timestamps its state implies (the state machine's path to it). */
function referralIn(status: ReferralState, base: { id: string; partner: PartnerOrg; service: string; sentAt: string }): WorldReferral {
  const after = (minutes: number) => new Date(Date.parse(base.sentAt) + minutes * 60_000).toISOString();
  const received = status !== "SENT" && status !== "WITHDRAWN";
  return {
    ...base,
    status,
    reason: "Needs specialist support",
    receivedAt: received ? after(10) : null,
    acceptedAt: status === "ACCEPTED" || status === "CLOSED" ? after(20) : null,
    declinedAt: status === "DECLINED" ? after(30) : null,
    declineReason: status === "DECLINED" ? "Outside our service area" : null,
    withdrawnAt: status === "WITHDRAWN" ? after(40) : null,
    closedAt: status === "CLOSED" ? after(50) : null,
  };
}

// ---------------------------------------------------------------------------
// Writing a world where the hub reads it: the police stand-in, GMVS's case
// table, Pankhurst's system, the partners subgraph's own tables, governance.

/** The dates of an agreement version out of force: it ended years before any world's today. */
const EXPIRED = { startsOn: "2019-04-01T00:00:00.000Z", endsOn: "2020-03-31T00:00:00.000Z" };

export async function insertWorld(hub: TestHub, world: World): Promise<void> {
  const ds = hub.db.dataSource;
  // Each agreement as this world holds it: the latest version decides, so a later version ends it or
  // restores its file's dates; versions only grow, as the governance store keeps them.
  const latest: { id: string; version: number; ends_on: Date | null }[] = await ds.query(
    `SELECT DISTINCT ON (id) id, version, ends_on FROM governance.data_sharing_agreement ORDER BY id, version DESC`,
  );
  for (const file of agreementFiles()) {
    const row = latest.find((r) => r.id === file.id);
    if (!row) continue;
    const expire = world.expiredAgreements.includes(file.id);
    if ((row.ends_on?.toISOString() === EXPIRED.endsOn) === expire) continue;
    await ds.query(
      `INSERT INTO governance.data_sharing_agreement (id, version, title, holder, recipients, categories, purposes, lawful_basis, requires_consent, starts_on, ends_on, source_file)
       SELECT id, version + 1, title, holder, recipients, categories, purposes, lawful_basis, requires_consent, $3, $4, source_file
       FROM governance.data_sharing_agreement WHERE id = $1 AND version = $2`,
      [file.id, row.version, expire ? EXPIRED.startsOn : file.startsOn, expire ? EXPIRED.endsOn : file.endsOn],
    );
  }
  // Lists that span every case (referrals addressed to an organisation) hold this world's records only.
  await ds.query(`DELETE FROM partners.referral`);
  const hour = 3_600_000;
  for (const v of world.victims) {
    const c = v.crime;
    recordCrime(
      hub,
      {
        crimeReference: c.crimeReference,
        homeOfficeCode: c.offenceCode,
        description: c.offenceDescription,
        borough: c.borough,
        status: c.status,
        recordedAt: new Date(c.recordedAt),
        flags: { domesticAbuse: c.domesticAbuse, stalking: c.stalking, hateCrimeStrand: c.hateCrimeStrand },
      },
      {
        victimRef: c.victimRef,
        stalkingTriage: c.triage && { reviewedAt: c.recordedAt, risk: c.triage, linesOfEnquiry: ["Synthetic line"], spoConsidered: false, legacyCase: false },
      },
    );
    for (const u of c.updates) policeStandIn(hub).recordUpdate({ ...u, crimeReference: c.crimeReference });
    for (const o of c.orders) policeStandIn(hub).recordOrder({ ...o, crimeReference: c.crimeReference });
    await insertCase(ds, { id: v.caseId, caseReference: v.caseReference, borough: v.borough, thematicLead: v.thematicLead, crimeReference: c.crimeReference });
    await ds.query(`UPDATE victims."case" SET opened_at = $2 WHERE id = $1`, [v.caseId, v.openedAt]);
    if (v.pankhurst) await addPartnerRecords(hub.sources, PartnerCode.PANKHURST, [pankhurstRecord(v)]);
    if (v.hourglass) await landHourglassReturn(hub, v);
    for (const r of v.riskAssessments) {
      await ds.query(
        `INSERT INTO partners.risk_assessment (id, case_id, partner, tool, question_set_version, answers, assessed_at, assessor) VALUES ($1, $2, $3, 'OTHER', 'diff-unscored@1', '{}', $4, $5)`,
        [r.id, v.caseId, r.partner, r.assessedAt, r.assessor],
      );
    }
    for (const m of v.maracReferrals) {
      await ds.query(`INSERT INTO partners.marac_referral (id, case_id, assessment_id, partner, raised_at, reasons) VALUES ($1, $2, $3, $4, $5, $6)`, [
        m.id,
        v.caseId,
        m.assessmentId,
        m.partner,
        m.raisedAt,
        m.reasons,
      ]);
    }
    for (const r of v.referrals) {
      await ds.query(
        `INSERT INTO partners.referral (id, case_id, partner, service, categories, reason, status, sent_by, sent_at, received_at, accepted_at, declined_at, decline_reason, withdrawn_at, withdraw_reason, closed_at, updated_at)
         VALUES ($1, $2, $3, $4, '{SUPPORT}', $5, $6, 'diff-gmvs', $7, $8, $9, $10, $11, $12, $13, $14, now())`,
        [r.id, v.caseId, r.partner, r.service, r.reason, r.status, r.sentAt, r.receivedAt, r.acceptedAt, r.declinedAt, r.declineReason, r.withdrawnAt, r.withdrawnAt ? "No longer wanted" : null, r.closedAt],
      );
    }
    if (!v.linked) continue;
    const subjectId = await linkCaseAndCrime(ds, v.caseId, c.crimeReference);
    for (const r of v.relationships) {
      await ds.query(`INSERT INTO governance.relationship (subject_id, organisation, kind, source_ref, opened_at, closed_at) VALUES ($1, $2, 'differential', $3, now() - interval '2 days', $4)`, [
        subjectId,
        r.organisation,
        `diff-${randomUUID()}`,
        r.closed ? new Date(Date.now() - 86_400_000) : null,
      ]);
    }
    for (const consent of v.consents) {
      const [{ id }] = await ds.query(
        `INSERT INTO governance.consent (subject_id, recipient, categories, purposes, given_at, recorded_by, withdrawn_at) VALUES ($1, $2, $3, $4, $5, 'differential', $6) RETURNING id`,
        [
          subjectId,
          consent.recipient,
          consent.categories,
          consent.purposes,
          new Date(Date.now() + (consent.state === "NOT_YET_GIVEN" ? 24 : -24) * hour),
          consent.state === "WITHDRAWN" ? new Date(Date.now() - hour) : null,
        ],
      );
      consent.id = id;
    }
  }
}

/** Hourglass's data arrives as monthly returns: one row for the case, landed in the store the connector reads, as an import would. */
async function landHourglassReturn(hub: TestHub, v: WorldVictim): Promise<void> {
  const store = hub.sources.standIns.partners.get(PartnerCode.HOURGLASS)?.options.landingStore as HourglassReturnStore | undefined;
  if (!store) throw new Error("this hub runs no Hourglass stand-in");
  const h = v.hourglass!;
  const returnMonth = "2026-11";
  await store.saveRows([
    {
      idempotencyKey: `${returnMonth}|${v.caseId}|${h.episodeId}`,
      contentHash: randomUUID(),
      line: 2,
      returnMonth,
      gmvsCaseId: v.caseId,
      episodeId: h.episodeId,
      worker: { id: "HG-W90", displayName: h.worker },
      ageBand: h.ageBand,
      economicAbuse: h.economicAbuse,
      supportActions: [],
      status: ReturnStatus.OPEN,
      episodeStart: h.episodeStart,
      episodeEnd: null,
      closureReason: null,
    },
  ], `hourglass-${returnMonth}-differential.csv`);
}

function pankhurstRecord(v: WorldVictim): PartnerCaseRecord {
  const record = emptyCaseRecord(PartnerCode.PANKHURST, v.caseId);
  const p = v.pankhurst!;
  for (const e of p.episodes) {
    record.episodes.push({
      id: e.id,
      gmvsCaseId: v.caseId,
      partner: PartnerCode.PANKHURST,
      service: e.service,
      worker: { id: "PK-W90", displayName: e.worker },
      start: e.startedAt,
      end: e.endedAt,
      closureReason: null,
      outcome: null,
    });
  }
  for (const a of p.supportActions) record.supportActions.push({ ...a, gmvsCaseId: v.caseId });
  for (const s of p.safetyPlans) record.safetyPlans.push({ id: s.id, gmvsCaseId: v.caseId, createdAt: s.createdAt, reviews: [], nextReviewDue: s.nextReviewDue });
  for (const o of p.outcomes) record.outcomes.push({ ...o, gmvsCaseId: v.caseId });
  return record;
}

// ---------------------------------------------------------------------------
// Callers.

export interface Caller {
  organisation: OrganisationCode;
  roles: Role[];
  purpose: Purpose;
  /** The x-break-glass-reason header sent, if any. */
  breakGlass: string | null;
}

export const callerArb: fc.Arbitrary<Caller> = fc.record({
  // Mostly the organisations that hold or receive the victims' records; GMCA now and then (it may know nothing).
  organisation: fc.oneof(
    { weight: 5, arbitrary: fc.constant(OrganisationCode.GMVS) },
    { weight: 5, arbitrary: fc.constant(OrganisationCode.PANKHURST) },
    { weight: 3, arbitrary: fc.constant(OrganisationCode.GMP) },
    { weight: 3, arbitrary: fc.constant(OrganisationCode.HOURGLASS) },
    { weight: 3, arbitrary: fc.constant(OrganisationCode.CHALLENGER) },
    { weight: 1, arbitrary: fc.constant(OrganisationCode.GMCA) },
  ),
  roles: fc.oneof(
    { weight: 4, arbitrary: fc.constant<Role[]>([Role.CASEWORKER]) },
    { weight: 2, arbitrary: fc.constant<Role[]>([Role.SUPERVISOR]) },
    { weight: 2, arbitrary: fc.uniqueArray(fc.constantFrom(...Object.values(Role)), { minLength: 1, maxLength: 2 }) },
  ),
  purpose: fc.oneof({ weight: 4, arbitrary: fc.constant(Purpose.SUPPORT) }, { weight: 2, arbitrary: fc.constant(Purpose.SAFEGUARDING) }, { weight: 1, arbitrary: fc.constantFrom(...Object.values(Purpose)) }),
  // Well-formed reasons only: a malformed one, or one from a non-supervisor, refuses the whole
  // request before anything is consulted (test/break-glass.test.ts), which is no question of access.
  breakGlass: fc.oneof(
    { weight: 6, arbitrary: fc.constant<string | null>(null) },
    { weight: 1, arbitrary: fc.constant("GMP-20261201-0042: Safeguarding emergency, risk to life reported tonight") },
    { weight: 1, arbitrary: fc.constant("SG-MARAC-0007: Urgent safeguarding review before tonight's visit") },
  ),
});
