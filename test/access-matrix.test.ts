import { randomUUID } from "node:crypto";
import { OrganisationCode } from "../src/platform/domain";
import { Purpose, Role } from "../src/platform/principal";
import { DataCategory } from "../src/policy/categories";
import { readAgreementFiles } from "../src/subgraphs/governance/agreements/agreement.files";
import { Borough, HateCrimeStrand, InvestigationUpdateKind, ProtectiveOrderKind, ProtectiveOrderStatus, TriageRisk } from "../connectors/police/types";
import { insertCase, linkCaseAndCrime } from "./support/cases";
import { graphql, startTestHub, TestHub } from "./support/hub";
import { policeStandIn, recordCrime } from "./support/police";
import { PartnerCode } from "../connectors/partners";
import { addPartnerRecords, pankhurstEpisodeRecord } from "./support/partners";

/**
 * Every organisation × role × purpose × consent state × record and sensitive
 * field of the shared case view, through the gateway. The oracle below is
 * written from the rule as stated (DESIGN.md) over the agreement files, not by
 * calling decide(): a record is known, and a field comes back, only where the
 * asker is the holder, or has an open relationship, an agreement in force
 * covering the category (the record's existence category, or the field's) and
 * purpose, and consent where that agreement needs it.
 */
type ConsentState = "NONE" | "GIVEN" | "WITHDRAWN";
const CONSENT_STATES: ConsentState[] = ["NONE", "GIVEN", "WITHDRAWN"];
const RELATED = new Set([OrganisationCode.GMVS, OrganisationCode.GMP, OrganisationCode.PANKHURST]);

/**
 * Each record of the view: where it sits, who holds it, and what knowing it
 * exists tells (its existence category). A record whose existence the asker
 * may not know answers as if it did not exist: null, or absent from its list,
 * with no error, so nothing below it is released or refused.
 */
const RECORDS: { path: string; holder: OrganisationCode; existence: DataCategory; within?: string }[] = [
  { path: "case", holder: OrganisationCode.GMVS, existence: DataCategory.SUPPORT },
  { path: "case.crime", holder: OrganisationCode.GMP, existence: DataCategory.OFFENCE_DETAILS, within: "case" },
  { path: "case.episodes.0", holder: OrganisationCode.PANKHURST, existence: DataCategory.SUPPORT, within: "case" },
];

/** Each field of the view: where it sits in the answer, who holds it, what it is. */
const FIELDS: { path: string; holder: OrganisationCode; category: DataCategory }[] = [
  { path: "case.borough", holder: OrganisationCode.GMVS, category: DataCategory.ADDRESS },
  { path: "case.thematicLead", holder: OrganisationCode.GMVS, category: DataCategory.CASE_NOTES },
  { path: "case.status", holder: OrganisationCode.GMVS, category: DataCategory.SUPPORT },
  { path: "case.openedAt", holder: OrganisationCode.GMVS, category: DataCategory.SUPPORT },
  { path: "case.crime.recordedAt", holder: OrganisationCode.GMP, category: DataCategory.OFFENCE_DETAILS },
  { path: "case.crime.offenceCode", holder: OrganisationCode.GMP, category: DataCategory.OFFENCE_DETAILS },
  { path: "case.crime.offenceDescription", holder: OrganisationCode.GMP, category: DataCategory.OFFENCE_DETAILS },
  { path: "case.crime.borough", holder: OrganisationCode.GMP, category: DataCategory.OFFENCE_DETAILS },
  { path: "case.crime.domesticAbuse", holder: OrganisationCode.GMP, category: DataCategory.OFFENCE_DETAILS },
  { path: "case.crime.stalking", holder: OrganisationCode.GMP, category: DataCategory.OFFENCE_DETAILS },
  { path: "case.crime.status", holder: OrganisationCode.GMP, category: DataCategory.INVESTIGATION_UPDATES },
  { path: "case.crime.outcome", holder: OrganisationCode.GMP, category: DataCategory.INVESTIGATION_UPDATES },
  { path: "case.crime.harassment", holder: OrganisationCode.GMP, category: DataCategory.OFFENCE_DETAILS },
  { path: "case.crime.hateCrimeStrand", holder: OrganisationCode.GMP, category: DataCategory.PROTECTED_CHARACTERISTICS },
  { path: "case.crime.classificationHistory", holder: OrganisationCode.GMP, category: DataCategory.OFFENCE_DETAILS },
  { path: "case.crime.updates", holder: OrganisationCode.GMP, category: DataCategory.INVESTIGATION_UPDATES },
  { path: "case.crime.orders", holder: OrganisationCode.GMP, category: DataCategory.INVESTIGATION_UPDATES },
  { path: "case.crime.stalkingTriage", holder: OrganisationCode.GMP, category: DataCategory.RISK },
  { path: "case.crime.victimRef", holder: OrganisationCode.GMP, category: DataCategory.IDENTITY },
  { path: "case.crime.suspectRef", holder: OrganisationCode.GMP, category: DataCategory.IDENTITY },
  { path: "case.episodes.0.provider", holder: OrganisationCode.PANKHURST, category: DataCategory.SUPPORT },
  { path: "case.episodes.0.service", holder: OrganisationCode.PANKHURST, category: DataCategory.SUPPORT },
  { path: "case.episodes.0.status", holder: OrganisationCode.PANKHURST, category: DataCategory.SUPPORT },
  { path: "case.episodes.0.startedAt", holder: OrganisationCode.PANKHURST, category: DataCategory.SUPPORT },
];
const VIEW = `query($id: ID!) { case(id: $id) { id borough thematicLead status openedAt
  crime { crimeReference recordedAt offenceCode offenceDescription borough domesticAbuse stalking status
    outcome harassment hateCrimeStrand classificationHistory { code } updates { kind } orders { kind } stalkingTriage { risk } victimRef suspectRef }
  episodes { id provider service status startedAt } } }`;

const agreements = readAgreementFiles();
function oracle(org: OrganisationCode, roles: Role[], purpose: Purpose, holder: OrganisationCode, category: DataCategory, consent: ConsentState): boolean {
  if (!roles.includes(Role.CASEWORKER) && !roles.includes(Role.SUPERVISOR)) return false;
  if (org === holder) return true;
  if (!RELATED.has(org)) return false;
  const now = new Date();
  const covering = agreements.filter(
    (a) => a.holder === holder && a.recipients.includes(org) && a.categories.includes(category) && a.purposes.includes(purpose) && a.startsOn <= now && (!a.endsOn || now < a.endsOn),
  );
  return covering.some((a) => !a.requiresConsent) || (covering.length > 0 && consent === "GIVEN");
}

let hub: TestHub;
const cases = new Map<ConsentState, string>();
beforeAll(async () => {
  hub = await startTestHub();
  for (const state of CONSENT_STATES) cases.set(state, await createSubjectCase(state));
});
afterAll(async () => {
  await hub?.close();
});

const principals = Object.values(OrganisationCode).flatMap((organisation) =>
  Object.values(Role).flatMap((role) => Object.values(Purpose).map((purpose) => ({ organisation, roles: [role], purpose }))),
);

describe("the access matrix", () => {
  it.each(CONSENT_STATES)("releases no record or field without agreement, consent and relationship, and withholds none that has them (consent %s)", async (state) => {
    let released = 0;
    let refused = 0;
    let hidden = 0;
    for (const p of principals) {
      const { body } = await graphql<Record<string, unknown>>(hub.url, VIEW, { id: cases.get(state) }, await hub.as(p));
      const errorsByPath = new Map((body.errors ?? []).map((e) => [e.path?.join("."), e.extensions]));
      const knows = (path: string): boolean => {
        const record = RECORDS.find((r) => r.path === path)!;
        return (!record.within || knows(record.within)) && oracle(p.organisation, p.roles, p.purpose, record.holder, record.existence, state);
      };
      const where = `${p.organisation}/${p.roles[0]}/${p.purpose}`;
      if (!knows("case")) {
        // The same answer as for a case that does not exist.
        expect({ where, body }).toEqual({ where, body: { data: { case: null } } });
        hidden++;
        continue;
      }
      for (const record of RECORDS.filter((r) => r.within)) {
        if (knows(record.path)) continue;
        const value = record.path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | null)?.[k], body.data);
        expect({ where: `${where} ${record.path}`, value: value ?? null }).toEqual({ where: `${where} ${record.path}`, value: null });
        hidden++;
      }
      for (const field of FIELDS) {
        const value = field.path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | null)?.[k], body.data);
        const container = RECORDS.filter((r) => field.path.startsWith(`${r.path}.`)).sort((a, b) => b.path.length - a.path.length)[0];
        const at = `${where} ${field.path}`;
        if (!knows(container.path)) {
          expect({ at, value: value ?? null, error: errorsByPath.get(field.path) }).toEqual({ at, value: null, error: undefined });
          continue;
        }
        const allowed = oracle(p.organisation, p.roles, p.purpose, field.holder, field.category, state);
        if (allowed) {
          expect({ at, value: value ?? null }).not.toEqual({ at, value: null });
          released++;
        } else {
          expect({ at, value: value ?? null }).toEqual({ at, value: null });
          expect({ at, code: errorsByPath.get(field.path)?.code }).toEqual({ at, code: "FORBIDDEN" });
          expect(typeof errorsByPath.get(field.path)?.reason).toBe("string");
          refused++;
        }
      }
    }
    // Every outcome occurs in every consent state: the matrix is not trivially all-refused.
    expect(released).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
    expect(hidden).toBeGreaterThan(0);
    // 120 requests through the gateway per consent state: about 20 s alone on PGlite, over a minute on a loaded machine.
  }, 180_000);
});

/** One victim, related to GMVS (case), GMP (crime) and Pankhurst (an episode), with consent to every organisation in the given state. */
async function createSubjectCase(state: ConsentState): Promise<string> {
  const ds = hub.db.dataSource;
  const caseId = randomUUID();
  const crime = `SYN/M${state}/26`;
  // Every police field holds something, so a release shows as a value and a refusal as a null.
  recordCrime(
    hub,
    { crimeReference: crime, homeOfficeCode: "8Q", description: "Stalking", borough: Borough.WIGAN, flags: { domesticAbuse: true, stalking: true, harassment: true, hateCrimeStrand: HateCrimeStrand.DISABILITY } },
    {
      outcome: "Charged",
      suspectRef: `SYN-SUSPECT-${state}`,
      stalkingTriage: { reviewedAt: new Date().toISOString(), risk: TriageRisk.HIGH, linesOfEnquiry: ["Synthetic line of enquiry"], spoConsidered: true, legacyCase: false },
    },
  );
  policeStandIn(hub).recordUpdate({ id: `SYN-UPDATE-M${state}`, crimeReference: crime, kind: InvestigationUpdateKind.CHARGED, occurredAt: new Date().toISOString(), summary: "Charged" });
  policeStandIn(hub).recordOrder({
    id: `SYN-ORDER-M${state}`,
    crimeReference: crime,
    kind: ProtectiveOrderKind.STALKING_PROTECTION_ORDER,
    status: ProtectiveOrderStatus.GRANTED,
    appliedOn: "2026-10-01",
    grantedOn: "2026-10-08",
    expiresOn: "2028-10-08",
  });
  await insertCase(ds, { id: caseId, caseReference: `GMVS-MATRIX-${state}`, borough: "WIGAN", thematicLead: "STALKING", crimeReference: crime });
  await addPartnerRecords(hub.sources, PartnerCode.PANKHURST, [pankhurstEpisodeRecord(caseId, { episodeId: `PK-EP-MATRIX-${state}` })]);
  const subjectId = await linkCaseAndCrime(ds, caseId, crime);
  for (const org of RELATED) {
    await ds.query(`INSERT INTO governance.relationship (subject_id, organisation, kind, source_ref, opened_at) VALUES ($1, $2, 'matrix', $3, now())`, [subjectId, org, caseId]);
  }
  if (state !== "NONE") {
    for (const org of Object.values(OrganisationCode)) {
      await ds.query(
        `INSERT INTO governance.consent (subject_id, recipient, categories, purposes, given_at, recorded_by, withdrawn_at)
         VALUES ($1, $2, $3, $4, now() - interval '1 day', 'matrix', $5)`,
        [subjectId, org, Object.values(DataCategory), Object.values(Purpose), state === "WITHDRAWN" ? new Date(Date.now() - 3600_000) : null],
      );
    }
  }
  return caseId;
}
