import { OrganisationCode } from "../../src/platform/domain";
import { hubEventSchema } from "../../src/platform/events/event";
import { Purpose, Role } from "../../src/platform/principal";
import { WebhookDispatcher } from "../../src/subgraphs/governance/webhooks/webhook.dispatcher";
import { startTestHub, TestHub } from "../support/hub";
import { Receiver } from "../support/webhook-receiver";
import { policeStandIn } from "../support/police";
import { subscribeToWorklist, WorklistSnapshot } from "../support/subscriber";
import { actors, consentTo, dashAnswers, policeReferral, RECORD_DASH, referralStep, referToRestore, send } from "./support";

/**
 * DESIGN.md stories 2 and 3, Escalation then Withdrawal, as the partners'
 * systems live them: Restore's app is subscribed to Pankhurst's worklist
 * through the gateway, GMVS's safeguarding lead to its MARAC referrals, and
 * Hourglass (no part in her case) to its own; Pankhurst's case system and
 * Hourglass's, which hold no connection, take signed webhooks on loopback.
 * Each is sent, in order, exactly what its access allows of each step, and
 * nothing that identifies her.
 */
let hub: TestHub;
let dispatcher: WebhookDispatcher;
beforeAll(async () => {
  hub = await startTestHub({ WEBHOOKS_ALLOW_HTTP_LOOPBACK: "true", WEBHOOKS_DISPATCH_INTERVAL_MS: "0" });
  // Deliveries are sent when the story asks, after each step, so the order they arrive in is the steps' order.
  dispatcher = new WebhookDispatcher(hub.db.dataSource, { ...hub.config.webhooks, intervalMs: 0 });
});
afterAll(async () => {
  await hub?.close();
});

const admin = (organisation: OrganisationCode) => hub.as({ organisation, roles: [Role.ADMIN], subject: `${organisation.toLowerCase()}-admin-s1` });

/** The organisation's administrator registers its system's receiver for every event type; returns the signing secret. */
async function registerReceiver(organisation: OrganisationCode, receiver: Receiver): Promise<string> {
  const body = await send(
    hub,
    `mutation($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) { secret } }`,
    { input: { url: receiver.url, eventTypes: [], purpose: "SUPPORT" } },
    admin(organisation),
  );
  return body.data?.registerWebhookEndpoint.secret;
}

const POLICE_FIELDS = `query($id: ID!) { case(id: $id) { crime { crimeReference offenceDescription } } }`;

it("tells Restore's app, Pankhurst's case system, GMVS's safeguarding lead and no one else of each step of an escalation and a withdrawal, in order, with no personal data", async () => {
  const as = actors(hub);
  // What the hub's start-up set in motion is done before anyone subscribes.
  await hub.settleEvents();
  const restore = await subscribeToWorklist(hub.url, await as.restore());
  const safeguarding = await subscribeToWorklist(hub.url, await as.gmvsSafeguarding(), ["MARAC_REFERRAL"]);
  const hourglass = await subscribeToWorklist(hub.url, await hub.as({ organisation: OrganisationCode.HOURGLASS, subject: "hourglass-worker-s1", purpose: Purpose.SUPPORT }));
  const pankhurstSystem = await new Receiver().start();
  const hourglassSystem = await new Receiver().start();
  try {
    const pankhurstSecret = await registerReceiver(OrganisationCode.PANKHURST, pankhurstSystem);
    await registerReceiver(OrganisationCode.HOURGLASS, hourglassSystem);
    // Per step, the event types Pankhurst's system was sent about her case, each signature checked as the receiver would.
    const hooksPerStep: string[][] = [];
    let hooksSeen = 0;
    const hooksOfStep = () => {
      const about = pankhurstSystem.verifiedFor(pankhurstSecret, v.caseId);
      hooksPerStep.push(about.slice(hooksSeen).map((p) => p.type).sort());
      hooksSeen = about.length;
    };
    await Promise.all([restore.until(1), safeguarding.until(1), hourglass.until(1)]);
    // After each step, Restore's app is sent its list as that step left it (a step that changes nothing on its list sends nothing).
    const step = async (act: () => Promise<unknown>, restoreNow?: string[]) => {
      await act();
      await hub.settleEvents();
      await dispatcher.dispatchDue();
      hooksOfStep();
      if (restoreNow) await reaches(restore, v.caseId, restoreNow);
    };

    // Escalation: a harassment report, then reclassified as stalking in GMP's system (which no worklist is about).
    const v = await policeReferral(hub, { homeOfficeCode: "8L", description: "Harassment", borough: "SALFORD" as never, flags: { harassment: true } });
    policeStandIn(hub).reclassify(
      v.crimeReference,
      { at: new Date().toISOString(), homeOfficeCode: "8Q", description: "Stalking involving serious alarm or distress", reason: "Synthetic: course of conduct by a former partner" },
      { stalking: true },
    );
    let supportConsent = "";
    let policeConsent = "";
    await step(async () => {
      supportConsent = await consentTo(hub, v.caseId, "PANKHURST", ["IDENTITY", "CONTACT", "CASE_NOTES", "SUPPORT"]);
      policeConsent = await consentTo(hub, v.caseId, "PANKHURST", ["OFFENCE_DETAILS", "INVESTIGATION_UPDATES"]);
    });
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

    // Pankhurst's system: a signed event for each step it is party to, in the steps' order, including its own MARAC
    // referral; the case's opening (GMVS's alone) was not sent to it.
    expect(hooksPerStep).toEqual([
      ["CONSENT_RECORDED", "CONSENT_RECORDED"],
      ["REFERRAL_SENT"],
      ["REFERRAL_RECEIVED"],
      ["REFERRAL_ACCEPTED"],
      ["MARAC_REFERRAL_RAISED", "RISK_ASSESSMENT_RECORDED"],
      ["CONSENT_WITHDRAWN"],
      ["REFERRAL_WITHDRAWN"],
    ]);
    const payloads = pankhurstSystem.verifiedFor(pankhurstSecret, v.caseId).map((p) => p.data);
    // Each payload is the event's strict wire form and nothing else.
    for (const payload of payloads) expect(hubEventSchema.safeParse(payload).success).toBe(true);
    expect(hourglassSystem.received.map((r) => r.body).filter((body) => body.includes(v.caseId))).toEqual([]);

    // Nothing more arrives for anyone, and Hourglass heard nothing at all.
    const sentSoFar = [restore.received.length, safeguarding.received.length];
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect([restore.received.length, safeguarding.received.length]).toEqual(sentSoFar);
    expect(hourglass.received).toHaveLength(1);
    expect(JSON.stringify(hourglass.received)).not.toContain(v.caseId);

    // No personal data in what was sent: ids, kinds and times only.
    const streamed = JSON.stringify([restore.received, safeguarding.received, pankhurstSystem.received.map((r) => r.body)]);
    for (const personal of [v.tag, v.crimeReference, "Harassment", "Stalking", "M3 9ZZ", "1989-06-07"]) expect(streamed).not.toContain(personal);
  } finally {
    await restore.close();
    await safeguarding.close();
    await hourglass.close();
    await pankhurstSystem.close();
    await hourglassSystem.close();
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
