import { OrganisationCode } from "../../src/platform/domain";
import { Role } from "../../src/platform/principal";
import { startTestHub, TestHub } from "../support/hub";
import { actors, consentTo, policeReferral, referralStep, referToRestore, send } from "./support";

/**
 * DESIGN.md story 3, Withdrawal, made entirely through the gateway (the
 * access test, test/access.test.ts "story 3", covers the refusal on the very
 * next request over a case set up in the store; this one starts from GMP's
 * referral and Pankhurst's accepted referral, and reads the audit both ways:
 * the victim's subject access export, and GMP's own audit of its records).
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

const POLICE_FIELDS = `query($id: ID!) { case(id: $id) { crime { crimeReference offenceDescription stalking status updates { kind } } } }`;

it("stops Pankhurst seeing the police's records once the victim withdraws consent, keeps the referral's status its own to see, and audits both the releases and the refusals", async () => {
  const as = actors(hub);
  const v = await policeReferral(hub, { homeOfficeCode: "8Q", description: "Stalking", borough: "STOCKPORT" as never, flags: { stalking: true } });
  // Two consents: to Pankhurst knowing of her GMVS case and support, and to it seeing the police's records.
  const supportConsent = await consentTo(hub, v.caseId, "PANKHURST", ["IDENTITY", "CONTACT", "CASE_NOTES", "SUPPORT"]);
  const consentId = await consentTo(hub, v.caseId, "PANKHURST", ["OFFENCE_DETAILS", "INVESTIGATION_UPDATES"]);
  const referralId = await referToRestore(hub, v.caseId, supportConsent);
  await referralStep(hub, "receiveReferral", referralId, as.restore());
  await referralStep(hub, "acceptReferral", referralId, as.restore());

  const before = await send(hub, POLICE_FIELDS, { id: v.caseId }, as.restore());
  expect(before.data?.case.crime).toEqual({ crimeReference: v.crimeReference, offenceDescription: "Stalking", stalking: true, status: "UNDER_INVESTIGATION", updates: [] });

  await send(hub, `mutation($id: ID!) { withdrawConsent(consentId: $id) { withdrawnAt } }`, { id: consentId }, as.gmvs());

  // Pankhurst's next query: the crime rested on her consent, so Pankhurst may no longer know it
  // exists; the case answers as one with no crime, and no error hints that there is one.
  const after = await send(hub, POLICE_FIELDS, { id: v.caseId }, as.restore(), true);
  expect(after).toEqual({ data: { case: { crime: null } } });

  // GMVS withdraws the referral; Pankhurst still learns that, so it stops contacting her, but not why.
  await send(hub, `mutation($id: ID!) { withdrawReferral(id: $id, reason: "Synthetic: the victim withdrew her consent") { status } }`, { id: referralId }, as.gmvs());
  const told = await send(hub, `{ referralsForMe(first: 100) { id status withdrawnAt withdrawReason } }`, {}, as.restore(), true);
  const mine = told.data?.referralsForMe.find((r: { id: string }) => r.id === referralId);
  expect(mine).toMatchObject({ status: "WITHDRAWN", withdrawnAt: expect.any(String), withdrawReason: null });

  // The victim's subject access export: releases to Pankhurst before, refusals after.
  const sar = await send(
    hub,
    `query($id: ID!) { subjectAccessExport(caseId: $id) { requestId organisation holder category decision reason } }`,
    { id: v.caseId },
    as.gmvsSupervisor(),
  );
  // One line per request and category: the victims subgraph (the case's link to the crime) and
  // the police subgraph (the crime itself) each consult offence details under one request id.
  const pankhurstPolice = sar.data?.subjectAccessExport
    .filter((e: { organisation: string; holder: string }) => e.organisation === "PANKHURST" && e.holder === "GMP")
    .map((e: { requestId: string; category: string; decision: string; reason: string }) => `${e.requestId} ${e.category}:${e.decision}:${e.reason}`);
  // After: the crime's existence (offence details) refused, so nothing below it was consulted.
  expect([...new Set<string>(pankhurstPolice)].map((line) => line.split(" ")[1])).toEqual([
    "OFFENCE_DETAILS:ALLOW:AGREEMENT",
    "INVESTIGATION_UPDATES:ALLOW:AGREEMENT",
    "OFFENCE_DETAILS:DENY:CONSENT_WITHDRAWN",
  ]);
  expect(sar.data?.subjectAccessExport.map((e: { reason: string }) => e.reason)).toEqual(expect.arrayContaining(["CONSENT_RECORDED", "CONSENT_WITHDRAWN", "REFERRAL_ADDRESSEE"]));

  // GMP's audit of its own records shows the same, to GMP.
  const gmpAudit = await send(hub, `{ auditEvents(first: 100) { requestId organisation category decision reason } }`, {}, hub.as({ organisation: OrganisationCode.GMP, roles: [Role.SUPERVISOR] }));
  const pankhurstReads = gmpAudit.data?.auditEvents
    .filter((e: { organisation: string; category: string }) => e.organisation === "PANKHURST" && e.category === "OFFENCE_DETAILS")
    .map((e: { requestId: string; decision: string; reason: string }) => `${e.requestId} ${e.decision}:${e.reason}`);
  // Newest first, a line per request.
  expect([...new Set<string>(pankhurstReads)].map((line) => line.split(" ")[1])).toEqual(["DENY:CONSENT_WITHDRAWN", "ALLOW:AGREEMENT"]);
});
