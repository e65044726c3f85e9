import { randomUUID } from "node:crypto";
import { OrganisationCode } from "../src/platform/domain";
import { Purpose } from "../src/platform/principal";
import { startTestHub, TestHub } from "./support/hub";
import { actors, consentTo, dashAnswers, policeReferral, RECORD_DASH, referralStep, referToRestore, send } from "./stories/support";

/**
 * Worklists, from the caller's side: each organisation's list is built from
 * the events of the changes it is party to, through the outbox and the bus,
 * and a caller sees only items about records it may know exist.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent" });
});
afterAll(async () => {
  await hub?.close();
});

const WORKLIST = `query($kinds: [WorklistKind!], $first: Int, $after: String) { worklist(kinds: $kinds, first: $first, after: $after) { items { id kind caseId recordType recordId dueAt overdue } endCursor hasNextPage } }`;

type Item = { id: string; kind: string; caseId: string; recordType: string; recordId: string; dueAt: string | null; overdue: boolean };

async function worklistOf(headers: Promise<Record<string, string>>, caseId: string, kinds: string[] = []): Promise<Item[]> {
  await hub.settleEvents();
  const body = await send(hub, WORKLIST, { kinds, first: 100 }, headers);
  return (body.data?.worklist.items as Item[]).filter((i) => i.caseId === caseId);
}

const hourglass = () => hub.as({ organisation: OrganisationCode.HOURGLASS, subject: "hourglass-worker-s1" });

it("puts a referral on the partner's list to answer, then first contact to make, and takes each off as it is done", async () => {
  const as = actors(hub);
  const v = await policeReferral(hub, { homeOfficeCode: "8Q", description: "Stalking", borough: "BURY" as never, flags: { stalking: true } });
  const consentId = await consentTo(hub, v.caseId, "PANKHURST", ["IDENTITY", "CONTACT", "CASE_NOTES", "SUPPORT"]);
  const referralId = await referToRestore(hub, v.caseId, consentId);

  const sent = await worklistOf(as.restore(), v.caseId);
  expect(sent).toEqual([{ id: expect.any(String), kind: "REFERRAL_AWAITING_RESPONSE", caseId: v.caseId, recordType: "REFERRAL", recordId: referralId, dueAt: expect.any(String), overdue: false }]);
  // Two working days: never sooner than two days on.
  expect(Date.parse(sent[0]!.dueAt!)).toBeGreaterThanOrEqual(Date.now() + 2 * 86_400_000 - 60_000);
  // Another partner, and GMVS itself, have nothing to do about it.
  expect(await worklistOf(hourglass(), v.caseId)).toEqual([]);
  expect(await worklistOf(as.gmvs(), v.caseId)).toEqual([]);

  await referralStep(hub, "receiveReferral", referralId, as.restore());
  expect((await worklistOf(as.restore(), v.caseId)).map((i) => i.kind)).toEqual(["REFERRAL_AWAITING_RESPONSE"]);
  await referralStep(hub, "acceptReferral", referralId, as.restore());
  expect((await worklistOf(as.restore(), v.caseId)).map((i) => i.kind)).toEqual(["FIRST_CONTACT_OWED"]);
  await send(hub, `mutation($id: ID!, $at: DateTimeISO!) { recordFirstContact(id: $id, at: $at) { id } }`, { id: referralId, at: new Date().toISOString() }, as.restore());
  expect(await worklistOf(as.restore(), v.caseId)).toEqual([]);
});

it("tells the partner to stop when the victim withdraws consent, until it marks that done; no one else is told", async () => {
  const as = actors(hub);
  const v = await policeReferral(hub, { homeOfficeCode: "8Q", description: "Stalking", borough: "BURY" as never, flags: { stalking: true } });
  const consentId = await consentTo(hub, v.caseId, "PANKHURST", ["IDENTITY", "CONTACT", "CASE_NOTES", "SUPPORT"]);
  const referralId = await referToRestore(hub, v.caseId, consentId);
  await referralStep(hub, "receiveReferral", referralId, as.restore());
  await referralStep(hub, "acceptReferral", referralId, as.restore());
  await send(hub, `mutation($id: ID!) { withdrawConsent(consentId: $id) { withdrawnAt } }`, { id: consentId }, as.gmvs());

  const items = await worklistOf(as.restore(), v.caseId, ["CONSENT_WITHDRAWN"]);
  expect(items).toEqual([{ id: expect.any(String), kind: "CONSENT_WITHDRAWN", caseId: v.caseId, recordType: "CONSENT", recordId: consentId, dueAt: expect.any(String), overdue: expect.any(Boolean) }]);
  expect(await worklistOf(hourglass(), v.caseId)).toEqual([]);

  // Hourglass cannot close (or learn of) Pankhurst's item: the answer an unknown id gets.
  const foreign = await send(hub, `mutation($id: ID!) { completeWorklistItem(id: $id) { id } }`, { id: items[0]!.id }, hourglass(), true);
  expect(foreign.errors?.map((e) => e.extensions?.code)).toEqual(["NOT_FOUND"]);
  // A referral's own item closes with the work, not by hand.
  const [owed] = await worklistOf(as.restore(), v.caseId, ["FIRST_CONTACT_OWED"]);
  const byHand = await send(hub, `mutation($id: ID!) { completeWorklistItem(id: $id) { id } }`, { id: owed!.id }, as.restore(), true);
  expect(byHand.errors?.map((e) => e.extensions?.code)).toEqual(["INVALID_INPUT"]);

  await send(hub, `mutation($id: ID!) { completeWorklistItem(id: $id) { id kind } }`, { id: items[0]!.id }, as.restore());
  expect(await worklistOf(as.restore(), v.caseId, ["CONSENT_WITHDRAWN"])).toEqual([]);
});

it("gives the assessor its weekly safety-plan review, and a MARAC referral to the agencies at MARAC for safeguarding only", async () => {
  const as = actors(hub);
  const v = await policeReferral(hub, { homeOfficeCode: "8Q", description: "Stalking", borough: "WIGAN" as never, flags: { stalking: true } });
  const consentId = await consentTo(hub, v.caseId, "PANKHURST", ["IDENTITY", "CONTACT", "CASE_NOTES", "SUPPORT"]);
  const referralId = await referToRestore(hub, v.caseId, consentId);
  await referralStep(hub, "receiveReferral", referralId, as.restore());
  await referralStep(hub, "acceptReferral", referralId, as.restore());
  const dash = await send(hub, RECORD_DASH, { caseId: v.caseId, answers: dashAnswers(14) }, as.restore());
  const assessmentId = dash.data?.recordRiskAssessment.id;

  const review = await worklistOf(as.restore(), v.caseId, ["SAFETY_PLAN_REVIEW_DUE"]);
  expect(review).toMatchObject([{ kind: "SAFETY_PLAN_REVIEW_DUE", recordType: "RISK_ASSESSMENT", recordId: assessmentId }]);
  expect(Date.parse(review[0]!.dueAt!) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);

  for (const safeguarding of [as.gmpSafeguarding(), as.gmvsSafeguarding()]) {
    expect(await worklistOf(safeguarding, v.caseId, ["MARAC_REFERRAL"])).toMatchObject([{ kind: "MARAC_REFERRAL", recordType: "MARAC_REFERRAL" }]);
  }
  // GMP asking for another purpose, and a partner not at this MARAC, learn nothing of it.
  expect(await worklistOf(as.gmp(), v.caseId)).toEqual([]);
  expect(await worklistOf(hourglass(), v.caseId)).toEqual([]);
  expect(await worklistOf(hub.as({ organisation: OrganisationCode.HOURGLASS, subject: "hourglass-mash-s1", purpose: Purpose.SAFEGUARDING }), v.caseId)).toEqual([]);

  // Taking it up is for safeguarding too: asked for support, the item is one GMP does not know of.
  const [marac] = await worklistOf(as.gmpSafeguarding(), v.caseId, ["MARAC_REFERRAL"]);
  const COMPLETE = `mutation($id: ID!) { completeWorklistItem(id: $id) { id kind } }`;
  expect((await send(hub, COMPLETE, { id: marac!.id }, as.gmp(), true)).errors?.map((e) => e.extensions?.code)).toEqual(["NOT_FOUND"]);
  await send(hub, COMPLETE, { id: marac!.id }, as.gmpSafeguarding());
  expect(await worklistOf(as.gmpSafeguarding(), v.caseId, ["MARAC_REFERRAL"])).toEqual([]);
  expect(await worklistOf(as.gmvsSafeguarding(), v.caseId, ["MARAC_REFERRAL"])).toHaveLength(1);

  // A second assessment replaces the open review rather than adding one.
  await send(hub, RECORD_DASH, { caseId: v.caseId, answers: dashAnswers(3) }, as.restore());
  expect((await worklistOf(as.restore(), v.caseId, ["SAFETY_PLAN_REVIEW_DUE"])).length).toBe(1);
});

it("gives GMVS a possible match to confirm, with no deadline, until a caseworker decides it; no partner is told", async () => {
  const as = actors(hub);
  const tag = randomUUID().slice(0, 8);
  const person = { givenName: "Test", familyName: `Person W${tag}`, dateOfBirth: "1990-02-03", email: `test.w${tag}@example.invalid`, postcode: "M2 9ZZ" };
  const SELF_REFER = `mutation($input: SelfReferralInput!) { selfRefer(input: $input) { case { id } matchCandidates { id } } }`;
  await send(hub, SELF_REFER, { input: { victim: person, borough: "ROCHDALE" } }, as.gmvs());
  // The same date of birth and a similar name, no email to match exactly: a candidate, not a merge.
  const similar = (await send(hub, SELF_REFER, { input: { victim: { ...person, email: null, familyName: `${person.familyName}e` }, borough: "ROCHDALE" } }, as.gmvs())).data?.selfRefer;
  const [candidate] = similar.matchCandidates;
  expect(candidate).toEqual({ id: expect.any(String) });

  expect(await worklistOf(as.gmvs(), similar.case.id)).toEqual([
    { id: expect.any(String), kind: "MATCH_CANDIDATE", caseId: similar.case.id, recordType: "MATCH_CANDIDATE", recordId: candidate.id, dueAt: null, overdue: false },
  ]);
  expect(await worklistOf(as.restore(), similar.case.id)).toEqual([]);

  await send(hub, `mutation($id: ID!) { confirmVictimMatch(candidateId: $id) { status } }`, { id: candidate.id }, as.gmvs());
  expect(await worklistOf(as.gmvs(), similar.case.id)).toEqual([]);
});

it("pages by cursor with no item twice and none left out", async () => {
  const as = actors(hub);
  await hub.settleEvents();
  const all: Item[] = [];
  let after: string | null = null;
  for (;;) {
    const body = await send(hub, WORKLIST, { kinds: [], first: 1, after }, as.restore());
    const page: { items: Item[]; endCursor: string | null; hasNextPage: boolean } = body.data?.worklist;
    all.push(...page.items);
    if (!page.hasNextPage) break;
    after = page.endCursor;
  }
  const whole = (await send(hub, WORKLIST, { kinds: [], first: 100 }, as.restore())).data?.worklist.items as Item[];
  expect(all.map((i) => i.id)).toEqual(whole.map((i) => i.id));
  expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
  const bad = await send(hub, WORKLIST, { kinds: [], first: 1, after: "not-a-cursor" }, as.restore(), true);
  expect(bad.errors?.map((e) => e.extensions?.code)).toEqual(["INVALID_INPUT"]);
});
