import { randomUUID } from "node:crypto";
import type { InvestigationUpdate, InvestigationUpdateKind } from "../../connectors/police/types";
import { OrganisationCode } from "../../src/platform/domain";
import { Purpose, Role } from "../../src/platform/principal";
import { graphql, GraphQLResponse, TestHub } from "../support/hub";
import { policeStandIn, recordCrime, SyntheticCrime } from "../support/police";

/**
 * What the DESIGN.md stories share: each actor's token, and the steps every
 * story starts with, made through the public API (mutations) and the
 * stand-ins for the outside systems, over real HTTP. Nothing here writes a
 * table directly.
 */

export type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- responses are read by path
export type Body = GraphQLResponse<Data>["body"];

export const actors = (hub: TestHub) => ({
  gmp: () => hub.as({ organisation: OrganisationCode.GMP, subject: "gmp-officer-s1" }),
  gmpSafeguarding: () => hub.as({ organisation: OrganisationCode.GMP, subject: "gmp-mash-s2", purpose: Purpose.SAFEGUARDING }),
  gmvs: () => hub.as({ organisation: OrganisationCode.GMVS, subject: "gmvs-caseworker-s1" }),
  gmvsSafeguarding: () => hub.as({ organisation: OrganisationCode.GMVS, subject: "gmvs-caseworker-s1", purpose: Purpose.SAFEGUARDING }),
  gmvsSupervisor: () => hub.as({ organisation: OrganisationCode.GMVS, roles: [Role.SUPERVISOR], subject: "gmvs-lead-s1" }),
  restore: () => hub.as({ organisation: OrganisationCode.PANKHURST, subject: "restore-advocate-s1" }),
  commissioner: () => hub.as({ organisation: OrganisationCode.GMCA, roles: [Role.COMMISSIONER], purpose: Purpose.COMMISSIONING, subject: "gmca-commissioner-s1" }),
});

/** Sends an operation; fails the test on any error unless `allowErrors`. */
export async function send(hub: TestHub, query: string, variables: Record<string, unknown>, headers: Promise<Record<string, string>>, allowErrors = false): Promise<Body> {
  const { body } = await graphql<Data>(hub.url, query, variables, await headers);
  if (!allowErrors) expect(body.errors).toBeUndefined();
  return body;
}

/** "path:REASON" for every refusal in a response, sorted. */
export const refusals = (body: Body) => (body.errors ?? []).map((e) => `${e.path?.join(".")}:${e.extensions?.code}:${e.extensions?.reason}`).sort();

export interface PoliceReferred {
  caseId: string;
  crimeReference: string;
  tag: string;
}

/** GMP records a crime (the police stand-in) and refers the victim to GMVS (receivePoliceReferral), an hour after the report. */
export async function policeReferral(
  hub: TestHub,
  crime: Omit<SyntheticCrime, "crimeReference"> & { thematicLead?: string; enhancedRights?: string[] },
  victim: Record<string, string> = {},
): Promise<PoliceReferred & { right4Status: string }> {
  const tag = randomUUID().slice(0, 8);
  const crimeReference = `SYN/S${tag.slice(0, 5)}/26`;
  const reportedAt = crime.recordedAt ?? new Date(Date.now() - 3_600_000);
  recordCrime(hub, { ...crime, crimeReference, recordedAt: reportedAt });
  const body = await send(
    hub,
    `mutation($input: PoliceReferralInput!) { receivePoliceReferral(input: $input) { caseId right4Status } }`,
    {
      input: {
        crimeReference,
        crimeReportedAt: reportedAt.toISOString(),
        victimOptedOut: false,
        policeVictimRef: `SYN-VICTIM-${tag}`,
        victim: { givenName: "Test", familyName: `Person S${tag}`, dateOfBirth: "1989-06-07", email: `test.s${tag}@example.invalid`, postcode: "M3 9ZZ", ...victim },
        borough: crime.borough,
        thematicLead: crime.thematicLead ?? "GENERAL",
        enhancedRights: crime.enhancedRights ?? [],
      },
    },
    actors(hub).gmp(),
  );
  return { caseId: body.data?.receivePoliceReferral.caseId, right4Status: body.data?.receivePoliceReferral.right4Status, crimeReference, tag };
}

/** GMVS records the victim's consent to sharing with a recipient for support; returns its id. */
export async function consentTo(hub: TestHub, caseId: string, recipient: string, categories: string[]): Promise<string> {
  const body = await send(
    hub,
    `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }`,
    { input: { caseId, recipient, categories, purposes: ["SUPPORT"] } },
    actors(hub).gmvs(),
  );
  return body.data?.recordConsent.id;
}

export const RESTORE_REFERRAL_CATEGORIES = ["IDENTITY", "CONTACT", "CASE_NOTES", "SUPPORT"];

/** GMVS refers the victim on to Pankhurst Restore under her consent; returns the referral id. */
export async function referToRestore(hub: TestHub, caseId: string, consentId: string): Promise<string> {
  const body = await send(
    hub,
    `mutation($caseId: ID!, $consentId: ID, $categories: [DataCategory!]!) {
      referToService(caseId: $caseId, partner: PANKHURST, service: "Restore", categories: $categories, consentId: $consentId, reason: "Synthetic: stalking by an ex-partner; needs a specialist advocate") { id status } }`,
    { caseId, consentId, categories: RESTORE_REFERRAL_CATEGORIES },
    actors(hub).gmvs(),
  );
  expect(body.data?.referToService.status).toBe("SENT");
  return body.data?.referToService.id;
}

/** A partner step on a referral (receiveReferral, acceptReferral, ...). */
export async function referralStep(hub: TestHub, step: string, id: string, headers: Promise<Record<string, string>>, extra = ""): Promise<Data> {
  const body = await send(hub, `mutation($id: ID!) { ${step}(id: $id) { id status ${extra} } }`, { id }, headers);
  return body.data?.[step];
}

/** GMP records an investigation update in its records system (the police stand-in). */
export function policeUpdate(hub: TestHub, crimeReference: string, kind: InvestigationUpdateKind, occurredAt: Date, summary: string): InvestigationUpdate {
  const update: InvestigationUpdate = { id: `SYN-UPDATE-${randomUUID().slice(0, 8)}`, crimeReference, kind, occurredAt: occurredAt.toISOString(), summary };
  policeStandIn(hub).recordUpdate(update);
  return update;
}

/** A DASH RIC with the first `yes` questions answered yes (safelives-dash-ric@2009, 24 questions). */
export const dashAnswers = (yes: number) =>
  Array.from({ length: 24 }, (_, i) => ({ questionId: `dash.q${String(i + 1).padStart(2, "0")}`, answer: i < yes ? "YES" : "NO" }));

export const RECORD_DASH = `mutation($caseId: ID!, $answers: [RiskAnswerInput!]!) {
  recordRiskAssessment(caseId: $caseId, tool: DASH_SAFELIVES, questionSetVersion: "safelives-dash-ric@2009", answers: $answers) {
    id provider score level maracReferralRequired } }`;
