import { OrganisationCode } from "../../src/platform/domain";
import { Purpose } from "../../src/platform/principal";
import { startTestHub, TestHub } from "../support/hub";
import { policeStandIn } from "../support/police";
import { subscribeToWorklist, WorklistSnapshot } from "../support/subscriber";
import { actors, consentTo, dashAnswers, policeReferral, RECORD_DASH, referralStep, referToRestore, send } from "./support";

/**
 * DESIGN.md stories 2 and 3, Escalation then Withdrawal, as the partners'
 * systems live them: Restore's app is subscribed to Pankhurst's worklist
 * through the gateway, GMVS's safeguarding lead to its MARAC referrals, and
 * Hourglass (no part in her case) to its own. Each subscriber is sent, in
 * order, exactly the changes to its own list that its access allows, and
 * nothing that identifies her.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

const POLICE_FIELDS = `query($id: ID!) { case(id: $id) { crime { crimeReference offenceDescription } } }`;

it("tells Restore, GMVS's safeguarding lead and no one else of each step of an escalation and a withdrawal, in order, with no personal data", async () => {
  const as = actors(hub);
  // What the hub's start-up set in motion is done before anyone subscribes.
  await hub.settleEvents();
  const restore = await subscribeToWorklist(hub.url, await as.restore());
  const safeguarding = await subscribeToWorklist(hub.url, await as.gmvsSafeguarding(), ["MARAC_REFERRAL"]);
  const hourglass = await subscribeToWorklist(hub.url, await hub.as({ organisation: OrganisationCode.HOURGLASS, subject: "hourglass-worker-s1", purpose: Purpose.SUPPORT }));
  try {
    await Promise.all([restore.until(1), safeguarding.until(1), hourglass.until(1)]);
    // After each step, Restore's app is sent its list as that step left it (a step that changes nothing on its list sends nothing).
    const step = async (act: () => Promise<unknown>, restoreNow?: string[]) => {
      await act();
      await hub.settleEvents();
      if (restoreNow) await reaches(restore, v.caseId, restoreNow);
    };

    // Escalation: a harassment report, then reclassified as stalking in GMP's system (which no worklist is about).
    const v = await policeReferral(hub, { homeOfficeCode: "8L", description: "Harassment", borough: "SALFORD" as never, flags: { harassment: true } });
    policeStandIn(hub).reclassify(
      v.crimeReference,
      { at: new Date().toISOString(), homeOfficeCode: "8Q", description: "Stalking involving serious alarm or distress", reason: "Synthetic: course of conduct by a former partner" },
      { stalking: true },
    );
    const supportConsent = await consentTo(hub, v.caseId, "PANKHURST", ["IDENTITY", "CONTACT", "CASE_NOTES", "SUPPORT"]);
    const policeConsent = await consentTo(hub, v.caseId, "PANKHURST", ["OFFENCE_DETAILS", "INVESTIGATION_UPDATES"]);
    let referralId = "";
    await step(async () => {
      referralId = await referToRestore(hub, v.caseId, supportConsent);
    }, ["REFERRAL_AWAITING_RESPONSE"]);
    await step(() => referralStep(hub, "receiveReferral", referralId, as.restore()));
    await step(() => referralStep(hub, "acceptReferral", referralId, as.restore()), ["FIRST_CONTACT_OWED"]);
    // The advocate's DASH scores high: the weekly safety-plan review falls due, and the MARAC referral it raises is
    // Pankhurst's own record (for GMVS, seen for safeguarding only).
    await step(() => send(hub, RECORD_DASH, { caseId: v.caseId, answers: dashAnswers(14) }, as.restore()), ["FIRST_CONTACT_OWED", "MARAC_REFERRAL", "SAFETY_PLAN_REVIEW_DUE"]);

    // Withdrawal of the consent to the police's records: Restore still sees them until then, and its list says stop
    // before its next query is refused.
    expect((await send(hub, POLICE_FIELDS, { id: v.caseId }, as.restore())).data?.case.crime).toMatchObject({ crimeReference: v.crimeReference });
    await step(
      () => send(hub, `mutation($id: ID!) { withdrawConsent(consentId: $id) { withdrawnAt } }`, { id: policeConsent }, as.gmvs()),
      ["CONSENT_WITHDRAWN", "FIRST_CONTACT_OWED", "MARAC_REFERRAL", "SAFETY_PLAN_REVIEW_DUE"],
    );
    expect(await send(hub, POLICE_FIELDS, { id: v.caseId }, as.restore(), true)).toEqual({ data: { case: { crime: null } } });
    await step(
      () => send(hub, `mutation($id: ID!) { withdrawReferral(id: $id, reason: "Synthetic: the victim withdrew her consent") { status } }`, { id: referralId }, as.gmvs()),
      ["CONSENT_WITHDRAWN", "MARAC_REFERRAL", "REFERRAL_WITHDRAWN", "SAFETY_PLAN_REVIEW_DUE"],
    );

    // Everything Restore was sent, in order: one snapshot per change. The DASH's two events (the review, the MARAC
    // referral) commit together; a snapshot between them, read after one was applied, is the only other state allowed.
    const between = ["FIRST_CONTACT_OWED", "SAFETY_PLAN_REVIEW_DUE"];
    const restoreSaw = restore.received.map((s) => kindsFor(s, v.caseId));
    expect(restoreSaw.filter((kinds, i) => !(sameKinds(kinds, between) && sameKinds(restoreSaw[i + 1] ?? [], ["FIRST_CONTACT_OWED", "MARAC_REFERRAL", "SAFETY_PLAN_REVIEW_DUE"])))).toEqual([
      [],
      ["REFERRAL_AWAITING_RESPONSE"],
      ["FIRST_CONTACT_OWED"],
      ["FIRST_CONTACT_OWED", "MARAC_REFERRAL", "SAFETY_PLAN_REVIEW_DUE"],
      ["CONSENT_WITHDRAWN", "FIRST_CONTACT_OWED", "MARAC_REFERRAL", "SAFETY_PLAN_REVIEW_DUE"],
      ["CONSENT_WITHDRAWN", "MARAC_REFERRAL", "REFERRAL_WITHDRAWN", "SAFETY_PLAN_REVIEW_DUE"],
    ]);
    // GMVS's safeguarding lead: the MARAC referral, once.
    await reaches(safeguarding, v.caseId, ["MARAC_REFERRAL"]);
    expect(safeguarding.received.map((s) => kindsFor(s, v.caseId))).toEqual([[], ["MARAC_REFERRAL"]]);

    // Nothing more arrives for anyone, and Hourglass heard nothing at all.
    const sentSoFar = [restore.received.length, safeguarding.received.length];
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect([restore.received.length, safeguarding.received.length]).toEqual(sentSoFar);
    expect(hourglass.received).toHaveLength(1);
    expect(JSON.stringify(hourglass.received)).not.toContain(v.caseId);

    // No personal data in what was sent: ids, kinds and times only.
    const streamed = JSON.stringify([restore.received, safeguarding.received]);
    for (const personal of [v.tag, v.crimeReference, "Harassment", "Stalking", "M3 9ZZ", "1989-06-07"]) expect(streamed).not.toContain(personal);
  } finally {
    await restore.close();
    await safeguarding.close();
    await hourglass.close();
  }
});

/** Waits until the subscriber's latest snapshot lists exactly these kinds for the case. */
async function reaches(subscriber: Awaited<ReturnType<typeof subscribeToWorklist>>, caseId: string, kinds: string[]): Promise<void> {
  for (let count = 1; ; count++) {
    const snapshots = await subscriber.until(count);
    if (count >= subscriber.received.length && sameKinds(kindsFor(snapshots.at(-1)!, caseId), kinds)) return;
  }
}

const sameKinds = (a: string[], b: string[]) => JSON.stringify(a) === JSON.stringify(b);

/** The kinds of a snapshot's items about one case, sorted. */
const kindsFor = (snapshot: WorklistSnapshot, caseId: string) =>
  snapshot.worklist.items
    .filter((i) => i.caseId === caseId)
    .map((i) => i.kind)
    .sort();
