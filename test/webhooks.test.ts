import { Webhook } from "standardwebhooks";
import { OrganisationCode } from "../src/platform/domain";
import { hubEventSchema } from "../src/platform/events/event";
import { Purpose, Role } from "../src/platform/principal";
import { WebhookDispatcher } from "../src/subgraphs/governance/webhooks/webhook.dispatcher";
import { startTestHub, TestHub } from "./support/hub";
import { Receiver } from "./support/webhook-receiver";
import { actors, consentTo, dashAnswers, policeReferral, RECORD_DASH, referralStep, referToRestore, send } from "./stories/support";

/**
 * Signed webhooks, from the partner's side: an organisation's administrator
 * registers its receiver, and a real receiver on loopback takes each
 * delivery and checks its signature with the standardwebhooks library, as
 * a partner system would. Deliveries are sent when the test asks (the
 * dispatcher's own schedule is off), so each step is seen in order.
 */
let hub: TestHub;
let dispatcher: WebhookDispatcher;
/** Short waits, so a test sees the whole schedule: three attempts, 150 ms then 300 ms apart. */
const SCHEDULE = [150, 300];
const TIMEOUT_MS = 400;

beforeAll(async () => {
  hub = await startTestHub({
    WEBHOOKS_ALLOW_HTTP_LOOPBACK: "true",
    WEBHOOKS_DISPATCH_INTERVAL_MS: "0",
    WEBHOOKS_RETRY_SCHEDULE_MS: SCHEDULE.join(","),
    WEBHOOKS_TIMEOUT_MS: String(TIMEOUT_MS),
  });
  dispatcher = new WebhookDispatcher(hub.db.dataSource, { ...hub.config.webhooks, intervalMs: 0 });
});
afterAll(async () => {
  await hub?.close();
});

const admin = (organisation: OrganisationCode, purpose: Purpose = Purpose.SUPPORT) =>
  hub.as({ organisation, roles: [Role.ADMIN], subject: `${organisation.toLowerCase()}-admin-s1`, purpose });

const REGISTER = `mutation($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) { secret endpoint { id url eventTypes purpose disabledAt } } }`;
const DISABLE = `mutation($id: ID!) { disableWebhookEndpoint(id: $id) { id disabledAt } }`;
const REPLAY = `mutation($id: ID!) { replayWebhookDelivery(id: $id) { id status eventId } }`;
const DELIVERIES = `query($status: WebhookDeliveryStatus, $first: Int, $after: String) { webhookDeliveries(status: $status, first: $first, after: $after) {
  items { id endpointId eventId eventType status nextAttemptAt deliveredAt deadAt attempts { number attemptedAt statusCode error durationMs } } endCursor hasNextPage } }`;
const DEAD_LETTERS = `query { webhookDeadLetters(first: 100) { items { id endpointId eventId eventType status } } }`;

type Delivery = { id: string; endpointId: string; eventId: string; eventType: string; status: string; attempts: { number: number; statusCode: number | null; error: string | null }[] };

/** Registers a receiver for the organisation; returns the endpoint's id and its secret. */
async function register(organisation: OrganisationCode, receiver: Receiver, input: { eventTypes?: string[]; purpose?: Purpose } = {}): Promise<{ id: string; secret: string }> {
  // GraphQL names the purpose in capitals (SAFEGUARDING); tokens carry its value (safeguarding).
  const body = await send(hub, REGISTER, { input: { url: receiver.url, eventTypes: input.eventTypes ?? [], purpose: (input.purpose ?? Purpose.SUPPORT).toUpperCase() } }, admin(organisation));
  const { secret, endpoint } = body.data?.registerWebhookEndpoint;
  return { id: endpoint.id, secret };
}

async function deliveriesOf(organisation: OrganisationCode, endpointId: string, status?: string): Promise<Delivery[]> {
  const body = await send(hub, DELIVERIES, { status: status ?? null, first: 100 }, admin(organisation));
  return (body.data?.webhookDeliveries.items as Delivery[]).filter((d) => d.endpointId === endpointId);
}

/** Deliveries of the events about one case: the seed's own records raise events too, which an endpoint may be sent as well. */
async function caseDeliveries(organisation: OrganisationCode, endpoint: { id: string; secret: string }, r: Receiver, caseId: string, status?: string): Promise<Delivery[]> {
  const events = new Set(r.verifiedFor(endpoint.secret, caseId).map((p) => p.data.id));
  return (await deliveriesOf(organisation, endpoint.id, status)).filter((d) => events.has(d.eventId));
}

/** Events committed so far are relayed and queued, then what is due is sent. */
async function deliver(): Promise<void> {
  await hub.settleEvents();
  await dispatcher.dispatchDue();
}

/** Sends what falls due until `done` holds, for at most `ms`. */
async function deliverUntil(done: () => Promise<boolean>, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > until) throw new Error("gave up waiting for deliveries");
    await new Promise((resolve) => setTimeout(resolve, 25));
    await deliver();
  }
}

const receivers: Receiver[] = [];
const enabled: [OrganisationCode, string][] = [];
async function receiver(): Promise<Receiver> {
  const r = await new Receiver(TIMEOUT_MS).start();
  receivers.push(r);
  return r;
}
/** Each test's endpoints are disabled after it, so no test's receiver hears another's events. */
afterEach(async () => {
  for (const [organisation, id] of enabled.splice(0)) await send(hub, DISABLE, { id }, admin(organisation), true);
  for (const r of receivers.splice(0)) await r.close();
});
async function registered(organisation: OrganisationCode, r: Receiver, input: { eventTypes?: string[]; purpose?: Purpose } = {}) {
  const endpoint = await register(organisation, r, input);
  enabled.push([organisation, endpoint.id]);
  return endpoint;
}

/** A stalking case referred by GMP, with the victim's consent to Pankhurst and a referral to Restore. */
async function referredToRestore() {
  const v = await policeReferral(hub, { homeOfficeCode: "8Q", description: "Stalking", borough: "BURY" as never, flags: { stalking: true } });
  const consentId = await consentTo(hub, v.caseId, "PANKHURST", ["IDENTITY", "CONTACT", "CASE_NOTES", "SUPPORT"]);
  const referralId = await referToRestore(hub, v.caseId, consentId);
  return { ...v, consentId, referralId };
}

/** As referredToRestore, then Restore accepts the referral and its high DASH raises a MARAC referral. */
async function maracReferralRaised() {
  const v = await referredToRestore();
  await referralStep(hub, "receiveReferral", v.referralId, actors(hub).restore());
  await referralStep(hub, "acceptReferral", v.referralId, actors(hub).restore());
  await send(hub, RECORD_DASH, { caseId: v.caseId, answers: dashAnswers(14) }, actors(hub).restore());
  return v;
}

it("sends an administrator's endpoint a signed event for each consent and referral change its organisation is party to", async () => {
  const r = await receiver();
  const { id, secret } = await registered(OrganisationCode.PANKHURST, r);
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

  const v = await referredToRestore();
  await deliver();
  const payloads = r.verifiedFor(secret, v.caseId);
  // Deliveries in one round go out side by side: a receiver orders by the event's occurredAt, not by arrival.
  expect(payloads.map((p) => [p.type, p.data.record.type, p.data.record.id]).sort()).toEqual([
    ["CONSENT_RECORDED", "CONSENT", v.consentId],
    ["REFERRAL_SENT", "REFERRAL", v.referralId],
  ]);
  // webhook-id is the event's id, so a receiver can drop a repeat; the payload is the event's wire form.
  for (const p of payloads) {
    const request = r.received.find((x) => JSON.parse(x.body).data.id === p.data.id)!;
    expect(request.headers["webhook-id"]).toBe(p.data.id);
    expect(request.headers["webhook-signature"]).toMatch(/^v1,/);
    expect(Math.abs(Number(request.headers["webhook-timestamp"]) * 1000 - Date.now())).toBeLessThan(60_000);
  }
  // A body changed on the way, or signed with another secret, does not verify.
  const [first] = r.received;
  expect(() => new Webhook(secret).verify(`${first!.body} `, first!.headers as Record<string, string>)).toThrow();
  expect(() => new Webhook(`whsec_${Buffer.alloc(32, 7).toString("base64")}`).verify(first!.body, first!.headers as Record<string, string>)).toThrow();

  // The log shows each delivered at the first attempt; the endpoint list never shows the secret again.
  const log = await deliveriesOf(OrganisationCode.PANKHURST, id);
  const ours = log.filter((d) => payloads.some((p) => p.data.id === d.eventId));
  expect(ours.map((d) => [d.eventType, d.status, d.attempts.map((a) => a.statusCode)]).sort()).toEqual([
    ["CONSENT_RECORDED", "DELIVERED", [204]],
    ["REFERRAL_SENT", "DELIVERED", [204]],
  ]);
  const listed = await send(hub, `query { webhookEndpoints { id url eventTypes purpose disabledAt } }`, {}, admin(OrganisationCode.PANKHURST));
  expect(listed.data?.webhookEndpoints).toContainEqual({ id, url: r.url, eventTypes: [], purpose: "SUPPORT", disabledAt: null });
  expect(JSON.stringify(listed)).not.toContain(secret.slice(6));

  // Sent once: handling the events again, or another round, sends nothing more.
  const before = r.received.length;
  await deliver();
  expect(r.received.length).toBe(before);
});

it("sends only the event types an endpoint asked for, and nothing once it is disabled", async () => {
  const r = await receiver();
  const { id, secret } = await registered(OrganisationCode.PANKHURST, r, { eventTypes: ["REFERRAL_SENT"] });
  const v = await referredToRestore();
  await deliver();
  expect(r.verifiedFor(secret, v.caseId).map((p) => p.type)).toEqual(["REFERRAL_SENT"]);

  await send(hub, DISABLE, { id }, admin(OrganisationCode.PANKHURST));
  await referralStep(hub, "receiveReferral", v.referralId, actors(hub).restore());
  await deliver();
  expect(r.verifiedFor(secret, v.caseId).map((p) => p.type)).toEqual(["REFERRAL_SENT"]);
});

it("lets only an organisation's administrators manage its webhooks", async () => {
  const r = await receiver();
  const caseworker = await send(hub, REGISTER, { input: { url: r.url } }, actors(hub).restore(), true);
  expect(caseworker.errors?.map((e) => [e.extensions?.code, e.extensions?.reason])).toEqual([["FORBIDDEN", "ROLE_NOT_PERMITTED"]]);
  expect(caseworker.data).toBeNull();
  for (const query of [`query { webhookEndpoints { id } }`, `query { webhookDeadLetters { items { id } } }`, `query { webhookDeliveries { items { id } } }`]) {
    const body = await send(hub, query, {}, actors(hub).gmvsSupervisor(), true);
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
  }
});

it("answers another organisation as if the endpoints, deliveries and dead letters did not exist", async () => {
  const r = await receiver();
  r.answer = () => 503;
  const { id, secret } = await registered(OrganisationCode.PANKHURST, r, { eventTypes: ["REFERRAL_SENT"] });
  const v = await referredToRestore();
  await deliverUntil(async () => (await caseDeliveries(OrganisationCode.PANKHURST, { id, secret }, r, v.caseId, "DEAD")).length > 0);
  const [dead] = await caseDeliveries(OrganisationCode.PANKHURST, { id, secret }, r, v.caseId, "DEAD");
  expect(r.verifiedFor(secret, v.caseId)).toHaveLength(SCHEDULE.length + 1);

  const hourglass = admin(OrganisationCode.HOURGLASS);
  const theirs = await send(hub, `query { webhookEndpoints { id } webhookDeadLetters(first: 100) { items { id } } webhookDeliveries(first: 100) { items { id } } }`, {}, hourglass);
  expect(JSON.stringify(theirs.data)).not.toContain(id);
  expect(JSON.stringify(theirs.data)).not.toContain(dead!.id);
  for (const [query, variables] of [
    [DISABLE, { id }],
    [REPLAY, { id: dead!.id }],
  ] as const) {
    const body = await send(hub, query, variables, admin(OrganisationCode.HOURGLASS), true);
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(["NOT_FOUND"]);
  }
  // Untouched: still enabled, still dead.
  expect((await deliveriesOf(OrganisationCode.PANKHURST, id, "DEAD")).map((d) => d.id)).toContain(dead!.id);
  const listed = await send(hub, `query { webhookEndpoints { id disabledAt } }`, {}, admin(OrganisationCode.PANKHURST));
  expect(listed.data?.webhookEndpoints).toContainEqual({ id, disabledAt: null });
});

it("sends no organisation an event about a record it may not know exists: a MARAC referral goes to GMP for safeguarding only", async () => {
  const [gmpSupport, gmpSafeguarding, hourglass, restore] = await Promise.all([receiver(), receiver(), receiver(), receiver()]);
  const support = await registered(OrganisationCode.GMP, gmpSupport);
  const safeguarding = await registered(OrganisationCode.GMP, gmpSafeguarding, { purpose: Purpose.SAFEGUARDING });
  const other = await registered(OrganisationCode.HOURGLASS, hourglass);
  const own = await registered(OrganisationCode.PANKHURST, restore, { eventTypes: ["RISK_ASSESSMENT_RECORDED", "MARAC_REFERRAL_RAISED"] });

  const v = await referredToRestore();
  await referralStep(hub, "receiveReferral", v.referralId, actors(hub).restore());
  await referralStep(hub, "acceptReferral", v.referralId, actors(hub).restore());
  const dash = await send(hub, RECORD_DASH, { caseId: v.caseId, answers: dashAnswers(14) }, actors(hub).restore());
  expect(dash.data?.recordRiskAssessment.maracReferralRequired).toBe(true);
  await deliver();

  // GMP is a party to the MARAC referral, but its agreement covers it for safeguarding only.
  expect(gmpSupport.verifiedFor(support.secret, v.caseId).map((p) => p.type)).toEqual([]);
  expect(gmpSafeguarding.verifiedFor(safeguarding.secret, v.caseId).map((p) => p.type)).toEqual(["MARAC_REFERRAL_RAISED"]);
  // Hourglass is party to nothing about her; Pankhurst, which holds the assessment, is told of both.
  expect(hourglass.verifiedFor(other.secret, v.caseId)).toEqual([]);
  expect(restore.verifiedFor(own.secret, v.caseId).map((p) => p.type).sort()).toEqual(["MARAC_REFERRAL_RAISED", "RISK_ASSESSMENT_RECORDED"]);

  // The refusal is audited against the endpoint, as a worklist read's would be.
  const audit = await hub.db.dataSource.query(`SELECT decision, reason, purpose FROM governance.audit_event WHERE actor = $1 AND category = 'RISK'`, [`webhook-endpoint:${support.id}`]);
  expect(audit).toContainEqual({ decision: "DENY", reason: "PURPOSE_NOT_COVERED", purpose: "support" });
});

it("retries a failing receiver with growing waits until it answers, and logs every attempt", async () => {
  const r = await receiver();
  // No answer in time, then a server error, then success.
  r.answer = (n) => (n === 1 ? "hang" : n === 2 ? 500 : 200);
  const { id, secret } = await registered(OrganisationCode.PANKHURST, r, { eventTypes: ["REFERRAL_SENT"] });
  const v = await referredToRestore();
  await deliverUntil(async () => (await caseDeliveries(OrganisationCode.PANKHURST, { id, secret }, r, v.caseId, "DELIVERED")).length > 0);

  const ours = r.received.filter((x) => JSON.parse(x.body).data.caseId === v.caseId);
  expect(ours).toHaveLength(3);
  // The same event each time, signed afresh at each attempt.
  expect(new Set(ours.map((x) => x.headers["webhook-id"])).size).toBe(1);
  expect(r.verifiedFor(secret, v.caseId)).toHaveLength(3);
  // Each wait is at least the schedule's, after the attempt before it ended.
  expect(ours[1]!.at - ours[0]!.at).toBeGreaterThanOrEqual(TIMEOUT_MS + SCHEDULE[0]! - 50);
  expect(ours[2]!.at - ours[1]!.at).toBeGreaterThanOrEqual(SCHEDULE[1]! - 50);

  const [delivered] = await caseDeliveries(OrganisationCode.PANKHURST, { id, secret }, r, v.caseId, "DELIVERED");
  expect(delivered!.attempts.map((a) => [a.number, a.statusCode, a.error])).toEqual([
    [1, null, `No answer within ${TIMEOUT_MS} ms`],
    [2, 500, "HTTP 500"],
    [3, 200, null],
  ]);
});

it("makes a delivery dead once the schedule is used up, lists it as a dead letter, and delivers it on replay", async () => {
  const r = await receiver();
  r.answer = () => 500;
  const { id, secret } = await registered(OrganisationCode.PANKHURST, r, { eventTypes: ["REFERRAL_SENT"] });
  const v = await referredToRestore();
  await deliverUntil(async () => (await caseDeliveries(OrganisationCode.PANKHURST, { id, secret }, r, v.caseId, "DEAD")).length > 0);

  const letters = await send(hub, DEAD_LETTERS, {}, admin(OrganisationCode.PANKHURST));
  const [ours] = await caseDeliveries(OrganisationCode.PANKHURST, { id, secret }, r, v.caseId, "DEAD");
  const dead = (letters.data?.webhookDeadLetters.items as Delivery[]).find((d) => d.id === ours!.id)!;
  expect(dead).toMatchObject({ eventType: "REFERRAL_SENT", status: "DEAD" });
  expect(r.verifiedFor(secret, v.caseId)).toHaveLength(SCHEDULE.length + 1);
  // Dead stays dead: nothing more is sent until someone replays it.
  await new Promise((resolve) => setTimeout(resolve, SCHEDULE[1]! + 50));
  await deliver();
  expect(r.verifiedFor(secret, v.caseId)).toHaveLength(SCHEDULE.length + 1);
  const replayed = await send(hub, REPLAY, { id: dead.id }, admin(OrganisationCode.PANKHURST));
  expect(replayed.data?.replayWebhookDelivery).toEqual({ id: dead.id, status: "PENDING", eventId: dead.eventId });
  // Only a dead letter replays.
  const again = await send(hub, REPLAY, { id: dead.id }, admin(OrganisationCode.PANKHURST), true);
  expect(again.errors?.map((e) => e.extensions?.code)).toEqual(["CONFLICT"]);

  r.answer = () => 200;
  await deliverUntil(async () => (await caseDeliveries(OrganisationCode.PANKHURST, { id, secret }, r, v.caseId, "DELIVERED")).length > 0);
  const payloads = r.verifiedFor(secret, v.caseId);
  expect(payloads).toHaveLength(SCHEDULE.length + 2);
  expect(new Set(payloads.map((p) => p.data.id))).toEqual(new Set([dead.eventId]));
  const [delivered] = await caseDeliveries(OrganisationCode.PANKHURST, { id, secret }, r, v.caseId, "DELIVERED");
  expect(delivered!.attempts.map((a) => a.statusCode)).toEqual([500, 500, 500, 200]);
  const after = await send(hub, DEAD_LETTERS, {}, admin(OrganisationCode.PANKHURST));
  expect((after.data?.webhookDeadLetters.items as Delivery[]).map((d) => d.id)).not.toContain(dead.id);
});

it("decides again on replay: a dead letter whose record the organisation may no longer know of stays dead", async () => {
  const r = await receiver();
  r.answer = () => 500;
  // GMVS is told of a MARAC referral for support while it has the victim's case open.
  const { id, secret } = await registered(OrganisationCode.GMVS, r, { eventTypes: ["MARAC_REFERRAL_RAISED"] });
  const v = await maracReferralRaised();
  await deliverUntil(async () => (await caseDeliveries(OrganisationCode.GMVS, { id, secret }, r, v.caseId, "DEAD")).length > 0);
  expect(r.verifiedFor(secret, v.caseId).map((p) => p.type)).toEqual(Array(SCHEDULE.length + 1).fill("MARAC_REFERRAL_RAISED"));
  const [dead] = await caseDeliveries(OrganisationCode.GMVS, { id, secret }, r, v.caseId, "DEAD");

  // Closing the case ends GMVS's relationship with her: the partner's MARAC referral is no longer GMVS's to know of.
  await send(hub, `mutation($id: ID!) { closeCase(caseId: $id, reason: SUPPORT_COMPLETED) { id } }`, { id: v.caseId }, actors(hub).gmvs());
  const refused = await send(hub, REPLAY, { id: dead!.id }, admin(OrganisationCode.GMVS), true);
  expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(["CONFLICT"]);
  expect((await deliveriesOf(OrganisationCode.GMVS, id, "DEAD")).map((d) => d.id)).toContain(dead!.id);
  const audit = await hub.db.dataSource.query(`SELECT decision, reason FROM governance.audit_event WHERE actor = $1 AND category = 'RISK' ORDER BY seq`, [`webhook-endpoint:${id}`]);
  expect(audit).toContainEqual({ decision: "DENY", reason: "NO_RELATIONSHIP" });
});

it("decides again at every attempt: a retry the organisation may no longer be told of is withheld, and replays once it may again", async () => {
  const r = await receiver();
  r.answer = () => 500;
  const { id, secret } = await registered(OrganisationCode.GMVS, r, { eventTypes: ["MARAC_REFERRAL_RAISED"] });
  const v = await maracReferralRaised();
  await deliver();
  expect(r.verifiedFor(secret, v.caseId)).toHaveLength(1);

  // GMVS closes the case before the retry falls due: the retry is not sent, and not tried again.
  await send(hub, `mutation($id: ID!) { closeCase(caseId: $id, reason: SUPPORT_COMPLETED) { id } }`, { id: v.caseId }, actors(hub).gmvs());
  await new Promise((resolve) => setTimeout(resolve, SCHEDULE[0]! + 50));
  await deliverUntil(async () => (await caseDeliveries(OrganisationCode.GMVS, { id, secret }, r, v.caseId, "DEAD")).length > 0);
  expect(r.verifiedFor(secret, v.caseId)).toHaveLength(1);
  const [withheld] = await caseDeliveries(OrganisationCode.GMVS, { id, secret }, r, v.caseId, "DEAD");
  expect(withheld!.attempts.map((a) => [a.statusCode, a.error])).toEqual([
    [500, "HTTP 500"],
    [null, expect.stringMatching(/^Withheld/)],
  ]);

  // Reopened, the case is GMVS's to know of again: the letter replays and is delivered.
  await send(hub, `mutation($id: ID!) { reopenCase(caseId: $id) { id } }`, { id: v.caseId }, actors(hub).gmvs());
  r.answer = () => 200;
  await send(hub, REPLAY, { id: withheld!.id }, admin(OrganisationCode.GMVS));
  await deliverUntil(async () => (await caseDeliveries(OrganisationCode.GMVS, { id, secret }, r, v.caseId, "DELIVERED")).length > 0);
  expect(r.verifiedFor(secret, v.caseId).map((p) => p.data.id)).toEqual([withheld!.eventId, withheld!.eventId]);
});

it("sends ids, types and times only: nothing of the person, the crime or the referral's reasons", async () => {
  const r = await receiver();
  const { secret } = await registered(OrganisationCode.PANKHURST, r);
  const victim = { givenName: "Synthia", familyName: `Quill-${Date.now().toString(36)}`, dateOfBirth: "1984-02-29", email: `synthia.${Date.now().toString(36)}@example.invalid`, postcode: "M60 1QD" };
  const v = await policeReferral(hub, { homeOfficeCode: "8Q", description: "Stalking", borough: "BURY" as never, flags: { stalking: true } }, victim);
  const consentId = await consentTo(hub, v.caseId, "PANKHURST", ["IDENTITY", "CONTACT", "CASE_NOTES", "SUPPORT"]);
  await referToRestore(hub, v.caseId, consentId);
  await deliver();

  const payloads = r.verifiedFor(secret, v.caseId);
  expect(payloads.length).toBeGreaterThan(0);
  const raw = r.received.map((x) => x.body).filter((b) => b.includes(v.caseId)).join("\n");
  for (const value of [...Object.values(victim), "1984", v.crimeReference, v.tag, "stalking by an ex-partner", "BURY", "Restore"]) expect(raw).not.toContain(value);
  for (const p of payloads) {
    expect(Object.keys(p).sort()).toEqual(["data", "timestamp", "type"]);
    // The event's wire form, which the strict schema allows no other field into.
    expect(hubEventSchema.parse(p.data)).toEqual(p.data);
  }
});

it("refuses a receiver that is not https, names a loopback or private address, or an event type there is not, saying why", async () => {
  const cases: [Record<string, unknown>, RegExp, string][] = [
    [{ url: "http://partner.example/hooks" }, /must be https/, "url"],
    [{ url: "ftp://127.0.0.1/hooks" }, /must be https/, "url"],
    [{ url: "https://10.1.2.3/hooks" }, /loopback, private or link-local/, "url"],
    [{ url: "https://169.254.169.254/latest" }, /loopback, private or link-local/, "url"],
    [{ url: "https://user:pw@partner.example/hooks" }, /user name or password/, "url"],
    [{ url: "not a url" }, /Not an absolute URL/, "url"],
    [{ url: "https://partner.example/hooks", eventTypes: ["REFERRAL_SENT", "CASE_DELETED"] }, /Unknown event type CASE_DELETED/, "eventTypes"],
  ];
  for (const [input, message, argument] of cases) {
    const body = await send(hub, REGISTER, { input }, admin(OrganisationCode.PANKHURST), true);
    expect({ input, errors: body.errors?.map((e) => [e.extensions?.code, e.extensions?.argument]) }).toEqual({ input, errors: [["INVALID_INPUT", argument]] });
    expect(body.errors?.[0]?.message).toMatch(message);
  }
  // Nothing was registered by any of them.
  const listed = await send(hub, `query { webhookEndpoints { url } }`, {}, admin(OrganisationCode.PANKHURST));
  expect((listed.data?.webhookEndpoints as { url: string }[]).map((e) => e.url)).not.toContain("https://partner.example/hooks");
});
