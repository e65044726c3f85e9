import { OrganisationCode } from "../src/platform/domain";
import { graphql, startTestHub, TestHub } from "./support/hub";
import { subscribeToWorklist } from "./support/subscriber";
import { actors, consentTo, policeReferral, referralStep, referToRestore, send } from "./stories/support";

/**
 * Worklist subscriptions through the gateway, from a partner app's side: the
 * stream sends the subscriber's own worklist as the worklist query answers
 * it, each time it changes, and nothing of another organisation's work.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

const hourglass = () => hub.as({ organisation: OrganisationCode.HOURGLASS, subject: "hourglass-worker-s1" });

it("sends Pankhurst's worklist as a referral arrives, is accepted and consent is withdrawn, and sends Hourglass nothing of it", async () => {
  const as = actors(hub);
  // What the hub's start-up (its seed, the partner systems' MARAC referrals) set in motion is done before anyone subscribes.
  await hub.settleEvents();
  const restore = await subscribeToWorklist(hub.url, await as.restore());
  const other = await subscribeToWorklist(hub.url, await hourglass());
  try {
    const [first] = await restore.until(1);
    expect(first!.initial).toBe(true);
    await other.until(1);

    const v = await policeReferral(hub, { homeOfficeCode: "8Q", description: "Stalking", borough: "OLDHAM" as never, flags: { stalking: true } });
    const consentId = await consentTo(hub, v.caseId, "PANKHURST", ["IDENTITY", "CONTACT", "CASE_NOTES", "SUPPORT"]);
    const referralId = await referToRestore(hub, v.caseId, consentId);
    const mine = (snapshot: { worklist: { items: { caseId: string | null; kind: string }[] } }) => snapshot.worklist.items.filter((i) => i.caseId === v.caseId).map((i) => i.kind);

    const [, sent] = await restore.until(2);
    expect(sent!.initial).toBe(false);
    expect(mine(sent!)).toEqual(["REFERRAL_AWAITING_RESPONSE"]);

    await referralStep(hub, "receiveReferral", referralId, as.restore());
    await referralStep(hub, "acceptReferral", referralId, as.restore());
    // Receiving changes nothing on the list, so nothing is sent for it: the next snapshot is the acceptance's.
    const [, , accepted] = await restore.until(3);
    expect(mine(accepted!)).toEqual(["FIRST_CONTACT_OWED"]);

    await send(hub, `mutation($id: ID!) { withdrawConsent(consentId: $id) { withdrawnAt } }`, { id: consentId }, as.gmvs());
    const [, , , withdrawn] = await restore.until(4);
    expect(mine(withdrawn!).sort()).toEqual(["CONSENT_WITHDRAWN", "FIRST_CONTACT_OWED"]);

    // Hourglass's stream heard of none of it: still its first snapshot only, with nothing of this case.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(other.received).toHaveLength(1);
    expect(JSON.stringify(other.received)).not.toContain(v.caseId);
    expect(JSON.stringify(other.received)).not.toContain(referralId);
  } finally {
    await restore.close();
    await other.close();
  }
});

it("refuses a stream without a valid token, and anything but a subscription on it", async () => {
  const stream = hub.url.replace(/\/graphql$/, "/graphql/stream");
  const anonymous = await fetch(stream, { method: "POST", headers: { "content-type": "application/json", accept: "text/event-stream" }, body: JSON.stringify({ query: "subscription { worklistChanged { initial } }" }) });
  expect(anonymous.status).toBe(401);
  await anonymous.body?.cancel();
  const query = await fetch(stream, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream", ...(await actors(hub).restore()) },
    body: JSON.stringify({ query: "{ streamInfo }" }),
  });
  expect(query.status).toBe(400);
  await query.body?.cancel();
  // Queries still go to /graphql as before.
  const { body } = await graphql(hub.url, "{ __typename }", {}, await actors(hub).restore());
  expect(body.errors).toBeUndefined();
});
