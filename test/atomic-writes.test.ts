import type { DataSource } from "typeorm";
import fc from "fast-check";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Kind, ObjectTypeDefinitionNode, parse } from "graphql";
import { InvestigationUpdateKind } from "../connectors/police/types";
import type { StandInMode } from "../connectors/http/stand-in-server";
import { ErrorCode } from "../src/platform/errors";
import { verifyChain } from "../src/policy/audit";
import { readAuditChain } from "../src/subgraphs/governance/audit/chain";
import { OrganisationCode } from "../src/platform/domain";
import { Role } from "../src/platform/principal";
import { WebhookDispatcher } from "../src/subgraphs/governance/webhooks/webhook.dispatcher";
import { graphql, startTestHub, TestHub } from "./support/hub";
import { policeStandIn } from "./support/police";
import { changedTables, snapshotTables as snapshotStore, StatementToFail, STORE_FAILURES, StoreFailure, StoreFaults } from "./support/store-faults";
import { actors, Body, consentTo, dashAnswers, policeReferral, policeUpdate, referralStep, referToRestore, RESTORE_REFERRAL_CATEGORIES, send } from "./stories/support";

/**
 * Atomic writes, from the caller's side: every mutation either commits all
 * it did with its audit events, or nothing, and a failure reaches the caller
 * as a typed error. For each of the hub's mutations, on data fast-check
 * makes, the store fails each statement the mutation sends in turn
 * (statement 0, 1, 2, ... until a run completes without reaching the one to
 * fail: that run is the happy path, and the steps are its statements), then
 * the police API fails from each of its calls on. After every failed run,
 * no row of any table (the audit's included) differs from before, and every
 * error is one of the typed codes.
 */

/**
 * The store's tables once every event committed so far has been relayed and
 * handled: what the consumers make of an earlier run's events is that run's,
 * and a failed run must have left no event behind to make anything of.
 */
async function snapshotTables(dataSource: DataSource): Promise<Record<string, string>> {
  await hub.settleEvents();
  return snapshotStore(dataSource);
}

let hub: TestHub;
let faults: StoreFaults;
let webhooks: WebhookDispatcher;
beforeAll(async () => {
  // A breaker that never opens: each run's police failures are its own, not left over from the last.
  // Events are relayed only when the test asks, between runs: a relay's own statements never land in a run's numbered ones.
  // Webhooks are sent only when a scenario asks, and a receiver that refuses is dead after one retry.
  hub = await startTestHub({
    SOURCE_BREAKER_THRESHOLD: "1000",
    SOURCE_TIMEOUT_MS: "1000",
    EVENTS_RELAY_INTERVAL_MS: "0",
    WEBHOOKS_DISPATCH_INTERVAL_MS: "0",
    WEBHOOKS_RETRY_SCHEDULE_MS: "0",
    WEBHOOKS_ALLOW_HTTP_LOOPBACK: "true",
  });
  faults = new StoreFaults(hub.db.dataSource);
  webhooks = new WebhookDispatcher(hub.db.dataSource, { ...hub.config.webhooks, intervalMs: 0 });
});
afterAll(async () => {
  await hub?.close();
});

/** What a caller may be told when the hub could not do what it asked. */
const TYPED: ReadonlySet<string> = new Set([
  ErrorCode.INVALID_INPUT,
  ErrorCode.CONFLICT,
  ErrorCode.SOURCE_UNAVAILABLE,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.NOT_FOUND,
]);
const POLICE_FAILURES: StandInMode[] = ["failing", "down", "malformed", "wrong-shape"];

type Headers = Promise<Record<string, string>>;

/** One mutation ready to send on data set up for it: nothing of it written yet. */
interface Prepared {
  query: string;
  variables: Record<string, unknown>;
  as: () => Headers;
  /** Whether the happy path writes (recording a consent already in force writes nothing). */
  writes: boolean;
}

/** A mutation, and how to set up what it needs from a value fast-check drew. */
interface Scenario<T> {
  field: string;
  /** Where one mutation has two paths worth failing apart. */
  label?: string;
  draw: fc.Arbitrary<T>;
  prepare(drawn: T): Promise<Prepared>;
}

const as = () => actors(hub);
const letters = fc.stringMatching(/^[a-z]{10}$/);
const borough = fc.constantFrom("BOLTON", "BURY", "MANCHESTER", "OLDHAM", "ROCHDALE", "SALFORD", "STOCKPORT", "TAMESIDE", "TRAFFORD", "WIGAN");
const thematicLead = fc.constantFrom("STALKING", "DOMESTIC_ABUSE", "HATE_CRIME", "FRAUD", "GENERAL");
const enhancedRights = fc.uniqueArray(fc.constantFrom("MOST_SERIOUS_CRIME", "PERSISTENTLY_TARGETED", "VULNERABLE", "INTIMIDATED"), { maxLength: 2 });
const needLevel = fc.constantFrom("NONE", "LOW", "MEDIUM", "HIGH");
const channel = fc.constantFrom("PHONE", "EMAIL", "SMS", "LETTER", "IN_PERSON", "PORTAL");
const dateOfBirth = fc.date({ min: new Date("1940-01-01"), max: new Date("2005-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
/** Someone nobody else in the store resembles: a family name of random letters. */
const person = fc.record({ family: letters, dateOfBirth }).map(({ family, dateOfBirth }) => ({
  givenName: "Test",
  familyName: `Zz${family}`,
  dateOfBirth,
  email: `test.${family}@example.invalid`,
}));

/** A GMVS case opened by a police referral, for a crime in the police stand-in; the victim's tag names her. */
const referredCase = () => policeReferral(hub, { homeOfficeCode: "8L", description: "Harassment", borough: "WIGAN" as never, flags: { harassment: true } });

/** A case, and a referral to Pankhurst Restore taken through `steps` (receiveReferral, acceptReferral, ...) as Pankhurst. */
async function referral(steps: string[]): Promise<{ caseId: string; id: string }> {
  const { caseId } = await referredCase();
  const consentId = await consentTo(hub, caseId, "PANKHURST", RESTORE_REFERRAL_CATEGORIES);
  const id = await referToRestore(hub, caseId, consentId);
  for (const step of steps) await referralStep(hub, step, id, as().restore());
  return { caseId, id };
}

const webhookAdmin = (organisation: OrganisationCode) => () => hub.as({ organisation, roles: [Role.ADMIN], subject: `${organisation.toLowerCase()}-admin-s1` });

/** Disables the organisation's enabled endpoints, so runs never meet the bound on how many it may have. */
async function disableEndpointsOf(organisation: OrganisationCode): Promise<void> {
  const listed = await send(hub, `query { webhookEndpoints { id disabledAt } }`, {}, webhookAdmin(organisation)());
  for (const e of listed.data?.webhookEndpoints as { id: string; disabledAt: string | null }[]) {
    if (e.disabledAt === null) await send(hub, `mutation($id: ID!) { disableWebhookEndpoint(id: $id) { id } }`, { id: e.id }, webhookAdmin(organisation)());
  }
}

/** Registers a receiver for the organisation, its only one enabled. */
async function webhookEndpoint(organisation: OrganisationCode, url: string, eventTypes: string[] = []): Promise<string> {
  await disableEndpointsOf(organisation);
  const body = await send(hub, `mutation($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) { endpoint { id } } }`, { input: { url, eventTypes } }, webhookAdmin(organisation)());
  return body.data?.registerWebhookEndpoint.endpoint.id;
}

/** Nothing listens on port 1 of loopback: every attempt there is refused at once. */
const REFUSING_RECEIVER = "http://127.0.0.1:1/hooks";

/** A partner's step on a referral, as Pankhurst. */
function partnerStep(step: string, args = ""): Prepared {
  return { query: `mutation($id: ID!) { ${step}(id: $id${args}) { id status } }`, variables: {}, as: as().restore, writes: true };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each scenario draws a value of its own shape; prepare takes what its draw makes
const SCENARIOS: Scenario<any>[] = [
  // governance: consent (3)
  {
    field: "recordConsent",
    draw: fc.record({ recipient: fc.constantFrom("PANKHURST", "HOURGLASS", "CHALLENGER"), categories: fc.uniqueArray(fc.constantFrom("IDENTITY", "CONTACT", "SUPPORT", "CASE_NOTES"), { minLength: 1, maxLength: 3 }), again: fc.boolean() }),
    async prepare({ recipient, categories, again }) {
      const { caseId } = await referredCase();
      if (again) await consentTo(hub, caseId, recipient, categories);
      const input = { caseId, recipient, categories, purposes: ["SUPPORT"] };
      return { query: `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id categories withdrawnAt } }`, variables: { input }, as: as().gmvs, writes: !again };
    },
  },
  {
    field: "withdrawConsent",
    draw: fc.constantFrom("PANKHURST", "HOURGLASS"),
    async prepare(recipient) {
      const { caseId } = await referredCase();
      const id = await consentTo(hub, caseId, recipient, ["IDENTITY", "SUPPORT"]);
      return { query: `mutation($id: ID!) { withdrawConsent(consentId: $id) { id withdrawnAt } }`, variables: { id }, as: as().gmvs, writes: true };
    },
  },
  {
    field: "withdrawConsentFor",
    draw: fc.uniqueArray(fc.constantFrom("IDENTITY", "SUPPORT"), { minLength: 1 }),
    async prepare(categories) {
      const { caseId } = await referredCase();
      await consentTo(hub, caseId, "CHALLENGER", ["IDENTITY", "SUPPORT"]);
      const input = { caseId, recipient: "CHALLENGER", categories };
      return { query: `mutation($input: WithdrawConsentInput!) { withdrawConsentFor(input: $input) { id withdrawnAt } }`, variables: { input }, as: as().gmvs, writes: true };
    },
  },
  // victims: intake (4)
  {
    field: "receivePoliceReferral",
    draw: fc.record({ person, borough, thematicLead, enhancedRights, optedOut: fc.boolean(), known: fc.boolean() }),
    async prepare({ person, borough, thematicLead, enhancedRights, optedOut, known }) {
      const tag = randomUUID().slice(0, 8);
      const crimeReference = `SYN/A${tag.slice(0, 5)}/26`;
      const policeVictimRef = `SYN-VICTIM-${tag}`;
      // A person GMVS already knows by her police reference (referred for another crime): the referral matches her exactly and fills her blanks.
      if (known) {
        const earlier = { crimeReference: `SYN/B${tag.slice(0, 5)}/26`, crimeReportedAt: new Date(Date.now() - 7_200_000).toISOString(), victimOptedOut: false, policeVictimRef, victim: { familyName: person.familyName }, borough, thematicLead, enhancedRights: [] };
        await send(hub, `mutation($input: PoliceReferralInput!) { receivePoliceReferral(input: $input) { caseId } }`, { input: earlier }, as().gmp());
      }
      const victim = person;
      const input = { crimeReference, crimeReportedAt: new Date(Date.now() - 3_600_000).toISOString(), victimOptedOut: optedOut, policeVictimRef, victim, borough, thematicLead, enhancedRights };
      return { query: `mutation($input: PoliceReferralInput!) { receivePoliceReferral(input: $input) { caseId caseReference right4Status } }`, variables: { input }, as: as().gmp, writes: true };
    },
  },
  {
    field: "selfRefer",
    draw: fc.record({ person, borough, thematicLead, enhancedRights, similar: fc.boolean(), exact: fc.boolean() }),
    async prepare({ person, borough, thematicLead, enhancedRights, similar, exact }) {
      const input = { victim: person, borough, thematicLead, enhancedRights };
      // Someone alike already known: by email and date of birth (an exact match), or by name and date of birth (a candidate).
      if (similar || exact) {
        const known = exact ? { ...person, givenName: null } : { ...person, email: `other.${person.email}` };
        await send(hub, `mutation($input: SelfReferralInput!) { selfRefer(input: $input) { matchedExistingVictim } }`, { input: { ...input, victim: known } }, as().gmvs());
      }
      return {
        query: `mutation($input: SelfReferralInput!) { selfRefer(input: $input) { case { id status } matchedExistingVictim matchCandidates { id score } } }`,
        variables: { input },
        as: as().gmvs,
        writes: true,
      };
    },
  },
  ...(["confirmVictimMatch", "rejectVictimMatch"] as const).map(
    (field): Scenario<any> => ({
      field,
      draw: person,
      async prepare(known) {
        const input = { borough: "BURY", thematicLead: "GENERAL", enhancedRights: [] };
        await send(hub, `mutation($input: SelfReferralInput!) { selfRefer(input: $input) { matchedExistingVictim } }`, { input: { ...input, victim: known } }, as().gmvs());
        const body = await send(
          hub,
          `mutation($input: SelfReferralInput!) { selfRefer(input: $input) { matchCandidates { id } } }`,
          { input: { ...input, victim: { ...known, email: `other.${known.email}` } } },
          as().gmvs(),
        );
        const [candidate] = body.data?.selfRefer.matchCandidates;
        return { query: `mutation($id: ID!) { ${field}(candidateId: $id) { id status decidedBy } }`, variables: { id: candidate.id }, as: as().gmvs, writes: true };
      },
    }),
  ),
  // victims: cases (4)
  {
    field: "updateCaseFile",
    draw: fc.record({ borough, thematicLead, assignedWorker: fc.option(letters) }, { requiredKeys: [] }).filter((i) => Object.keys(i).length > 0),
    async prepare(input) {
      const { caseId } = await referredCase();
      return { query: `mutation($id: ID!, $input: CaseFileInput!) { updateCaseFile(caseId: $id, input: $input) { id borough } }`, variables: { id: caseId, input }, as: as().gmvs, writes: true };
    },
  },
  {
    field: "recordEnhancedRights",
    draw: fc.record({ categories: enhancedRights, withhold: fc.subarray(["STALKING", "DOMESTIC_ABUSE", "HATE_CRIME"]), minutesAgo: fc.integer({ min: 0, max: 50 }), reason: letters }),
    async prepare({ categories, withhold, minutesAgo, reason }) {
      const { caseId } = await referredCase();
      const input = { categories, withhold, appliesFrom: new Date(Date.now() - minutesAgo * 60_000).toISOString(), reason };
      return { query: `mutation($id: ID!, $input: EnhancedRightsInput!) { recordEnhancedRights(caseId: $id, input: $input) { id enhancedRights } }`, variables: { id: caseId, input }, as: as().gmvs, writes: true };
    },
  },
  {
    field: "closeCase",
    draw: fc.constantFrom("SUPPORT_COMPLETED", "VICTIM_DECLINED_SUPPORT", "UNABLE_TO_CONTACT", "REFERRED_ON"),
    async prepare(reason) {
      const { caseId } = await referredCase();
      return { query: `mutation($id: ID!) { closeCase(caseId: $id, reason: ${reason}) { id status } }`, variables: { id: caseId }, as: as().gmvs, writes: true };
    },
  },
  {
    field: "reopenCase",
    draw: fc.constant(null),
    async prepare() {
      const { caseId } = await referredCase();
      await send(hub, `mutation($id: ID!) { closeCase(caseId: $id, reason: UNABLE_TO_CONTACT) { id } }`, { id: caseId }, as().gmvs());
      return { query: `mutation($id: ID!) { reopenCase(caseId: $id) { id status } }`, variables: { id: caseId }, as: as().gmvs, writes: true };
    },
  },
  // victims: contacts (2), needs, survey
  ...[false, true].map(
    (toldOfDecision): Scenario<any> => ({
      field: "recordContact",
      label: toldOfDecision ? "recordContact (told of a police decision, checked with the police API)" : "recordContact",
      draw: fc.record({ channel, summary: letters }),
      async prepare({ channel, summary }) {
        const { caseId, crimeReference } = await referredCase();
        const update = policeUpdate(hub, crimeReference, InvestigationUpdateKind.ARREST, new Date(Date.now() - 1_800_000), "Suspect arrested");
        const occurredAt = new Date(Date.now() - 60_000).toISOString();
        const input = toldOfDecision ? { occurredAt, channel, purpose: "TOLD_OF_DECISION", summary, policeUpdateId: update.id } : { occurredAt, channel, purpose: "PROGRESS_UPDATE", summary };
        return { query: `mutation($id: ID!, $input: ContactInput!) { recordContact(caseId: $id, input: $input) { id purpose } }`, variables: { id: caseId, input }, as: as().gmvs, writes: true };
      },
    }),
  ),
  {
    field: "recordVictimInformed",
    draw: channel,
    async prepare(channel) {
      const { crimeReference } = await referredCase();
      const update = policeUpdate(hub, crimeReference, InvestigationUpdateKind.CHARGED, new Date(Date.now() - 1_800_000), "Suspect charged");
      const input = { crimeReference, policeUpdateId: update.id, occurredAt: new Date(Date.now() - 60_000).toISOString(), channel };
      return { query: `mutation($input: VictimInformedInput!) { recordVictimInformed(input: $input) { id recordedAt } }`, variables: { input }, as: as().gmp, writes: true };
    },
  },
  {
    field: "recordNeedsAssessment",
    draw: fc.record({ practical: needLevel, emotional: needLevel, safety: needLevel, health: needLevel, financial: needLevel, communication: needLevel, outcome: fc.constantFrom("SUPPORT_PLAN_AGREED", "INFORMATION_ONLY") }),
    async prepare(input) {
      const { caseId } = await referredCase();
      return { query: `mutation($id: ID!, $input: NeedsAssessmentInput!) { recordNeedsAssessment(caseId: $id, input: $input) { id outcome } }`, variables: { id: caseId, input }, as: as().gmvs, writes: true };
    },
  },
  {
    field: "recordSurveyResponse",
    draw: fc.record({ overall: fc.integer({ min: 1, max: 5 }), rightScores: fc.uniqueArray(fc.record({ right: fc.integer({ min: 1, max: 7 }), score: fc.integer({ min: 1, max: 5 }) }), { selector: (s) => s.right, maxLength: 3 }) }),
    async prepare(input) {
      const { caseId } = await referredCase();
      return { query: `mutation($id: ID!, $input: SurveyResponseInput!) { recordSurveyResponse(caseId: $id, input: $input) { id overall } }`, variables: { id: caseId, input }, as: as().gmvs, writes: true };
    },
  },
  // partners: referrals (7), risk
  {
    field: "referToService",
    draw: fc.subarray(RESTORE_REFERRAL_CATEGORIES, { minLength: 1 }),
    async prepare(categories) {
      const { caseId } = await referredCase();
      const consentId = await consentTo(hub, caseId, "PANKHURST", RESTORE_REFERRAL_CATEGORIES);
      return {
        query: `mutation($caseId: ID!, $consentId: ID, $categories: [DataCategory!]!) {
          referToService(caseId: $caseId, partner: PANKHURST, service: "Restore", categories: $categories, consentId: $consentId, reason: "Synthetic: needs a specialist advocate") { id status } }`,
        variables: { caseId, consentId, categories },
        as: as().gmvs,
        writes: true,
      };
    },
  },
  {
    field: "withdrawReferral",
    draw: fc.constantFrom([], ["receiveReferral"], ["receiveReferral", "acceptReferral"]),
    async prepare(steps) {
      const { id } = await referral(steps);
      return { query: `mutation($id: ID!) { withdrawReferral(id: $id, reason: "Synthetic: no longer wanted") { id status } }`, variables: { id }, as: as().gmvs, writes: true };
    },
  },
  {
    field: "closeReferral",
    draw: fc.constantFrom(["receiveReferral", "acceptReferral"], ["receiveReferral", "declineReferral"]),
    async prepare(steps) {
      const { id } = await referral([]);
      for (const step of steps) {
        const args = step === "declineReferral" ? `, reason: "Synthetic: outside our area"` : "";
        await send(hub, `mutation($id: ID!) { ${step}(id: $id${args}) { id } }`, { id }, as().restore());
      }
      return { query: `mutation($id: ID!) { closeReferral(id: $id) { id status } }`, variables: { id }, as: as().gmvs, writes: true };
    },
  },
  ...(
    [
      ["receiveReferral", [], ""],
      ["acceptReferral", ["receiveReferral"], ""],
      ["declineReferral", ["receiveReferral"], `, reason: "Synthetic: outside our area"`],
      ["recordFirstContact", ["receiveReferral"], ", at: $at"],
    ] as const
  ).map(
    ([field, before, args]): Scenario<any> => ({
      field,
      draw: fc.constant(null),
      async prepare() {
        const { id } = await referral([...before]);
        const prepared = partnerStep(field, args);
        if (field !== "recordFirstContact") return { ...prepared, variables: { id } };
        return { ...prepared, query: prepared.query.replace("$id: ID!", "$id: ID!, $at: DateTimeISO!"), variables: { id, at: new Date().toISOString() } };
      },
    }),
  ),
  {
    field: "recordRiskAssessment",
    draw: fc.integer({ min: 0, max: 24 }),
    async prepare(yes) {
      const { caseId } = await referral(["receiveReferral", "acceptReferral"]);
      return {
        query: `mutation($caseId: ID!, $answers: [RiskAnswerInput!]!) {
          recordRiskAssessment(caseId: $caseId, tool: DASH_SAFELIVES, questionSetVersion: "safelives-dash-ric@2009", answers: $answers) { id level maracReferralRequired } }`,
        variables: { caseId, answers: dashAnswers(yes) },
        as: as().restore,
        writes: true,
      };
    },
  },
  // governance: worklists (1)
  {
    field: "completeWorklistItem",
    draw: fc.constantFrom("withdrawConsentFor", "withdrawReferral"),
    async prepare(how) {
      const { caseId, id: referralId } = await referral(["receiveReferral", "acceptReferral"]);
      if (how === "withdrawConsentFor") {
        await send(hub, `mutation($input: WithdrawConsentInput!) { withdrawConsentFor(input: $input) { id } }`, { input: { caseId, recipient: "PANKHURST", categories: ["SUPPORT"] } }, as().gmvs());
      } else {
        await send(hub, `mutation($id: ID!) { withdrawReferral(id: $id, reason: "Synthetic: no longer wanted") { id } }`, { id: referralId }, as().gmvs());
      }
      await hub.settleEvents();
      const kind = how === "withdrawConsentFor" ? "CONSENT_WITHDRAWN" : "REFERRAL_WITHDRAWN";
      const list = await send(hub, `query($kinds: [WorklistKind!]) { worklist(kinds: $kinds, first: 100) { items { id caseId } } }`, { kinds: [kind] }, as().restore());
      const item = (list.data?.worklist.items as { id: string; caseId: string }[]).find((i) => i.caseId === caseId);
      return { query: `mutation($id: ID!) { completeWorklistItem(id: $id) { id kind } }`, variables: { id: item?.id }, as: as().restore, writes: true };
    },
  },
  // governance: webhooks (3)
  {
    field: "registerWebhookEndpoint",
    draw: fc.record({ eventTypes: fc.subarray(["REFERRAL_SENT", "CONSENT_WITHDRAWN", "MARAC_REFERRAL_RAISED"]), purpose: fc.constantFrom("SUPPORT", "SAFEGUARDING") }),
    async prepare({ eventTypes, purpose }) {
      await disableEndpointsOf(OrganisationCode.HOURGLASS);
      const input = { url: "https://hourglass.example/hooks", eventTypes, purpose };
      return {
        query: `mutation($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) { secret endpoint { id url } } }`,
        variables: { input },
        as: webhookAdmin(OrganisationCode.HOURGLASS),
        writes: true,
      };
    },
  },
  {
    field: "disableWebhookEndpoint",
    draw: fc.constant(null),
    async prepare() {
      const id = await webhookEndpoint(OrganisationCode.CHALLENGER, REFUSING_RECEIVER);
      return { query: `mutation($id: ID!) { disableWebhookEndpoint(id: $id) { id disabledAt } }`, variables: { id }, as: webhookAdmin(OrganisationCode.CHALLENGER), writes: true };
    },
  },
  {
    field: "replayWebhookDelivery",
    draw: fc.constant(null),
    async prepare() {
      const endpointId = await webhookEndpoint(OrganisationCode.PANKHURST, REFUSING_RECEIVER, ["REFERRAL_SENT"]);
      await referral([]);
      await hub.settleEvents();
      // Refused, retried at once, refused again: dead.
      await webhooks.dispatchDue();
      await webhooks.dispatchDue();
      const letters = await send(hub, `query { webhookDeadLetters(first: 100) { items { id endpointId } } }`, {}, webhookAdmin(OrganisationCode.PANKHURST)());
      const dead = (letters.data?.webhookDeadLetters.items as { id: string; endpointId: string }[]).find((d) => d.endpointId === endpointId);
      return { query: `mutation($id: ID!) { replayWebhookDelivery(id: $id) { id status } }`, variables: { id: dead?.id }, as: webhookAdmin(OrganisationCode.PANKHURST), writes: true };
    },
  },
];

interface Run {
  body: Body;
  statements: string[];
  fired: boolean;
  policeCalls: number;
  partnerCalls: number;
}

function partnerCalls(): number {
  return [...hub.sources.standIns.partners.values()].reduce((n, s) => n + s.callCount(), 0);
}

/** Sends the mutation with the store failing statement `failAt` (null: none) and the police API failing from call `policeFailsFrom` on. */
async function run(m: Prepared, store: { failAt: StatementToFail; failure: StoreFailure }, police: { failsFrom: number | null; mode: StandInMode }): Promise<Run> {
  const standIn = policeStandIn(hub);
  const headers = await m.as();
  const policeBefore = standIn.requestCount();
  const partnersBefore = partnerCalls();
  if (police.failsFrom !== null) standIn.setMode(police.mode, { afterRequests: police.failsFrom });
  faults.arm(store.failAt, store.failure);
  try {
    const { body } = await graphql(hub.url, m.query, m.variables, headers);
    return { body: body as Body, ...faults.disarm(), policeCalls: standIn.requestCount() - policeBefore, partnerCalls: partnerCalls() - partnersBefore };
  } finally {
    faults.disarm();
    standIn.setMode("up");
  }
}

/** Commands to governance still unsent once each outbox's relay has had another round. */
async function commandsUnsentAfterARound(): Promise<number> {
  for (const owner of ["victims", "partners"] as const) await hub.subgraphs[owner].commands!.settle();
  const [{ n }] = await hub.db.dataSource.query(`SELECT (SELECT count(*) FROM victims.governance_command WHERE applied_at IS NULL) + (SELECT count(*) FROM partners.governance_command WHERE applied_at IS NULL) AS n`);
  return Number(n);
}

function typedErrorsOnly(body: Body, context: string): void {
  const codes = (body.errors ?? []).map((e) => String(e.extensions?.code));
  expect({ context, codes, typed: codes.length > 0 && codes.every((c) => TYPED.has(c)) }).toEqual({ context, codes, typed: true });
}

async function expectNothingWritten(field: string, failedRun: () => Promise<Run>, context: string): Promise<Run> {
  const before = await snapshotTables(hub.db.dataSource);
  const result = await failedRun();
  const after = await snapshotTables(hub.db.dataSource);
  expect({ context, data: result.body.data?.[field] ?? null }).toEqual({ context, data: null });
  typedErrorsOnly(result.body, context);
  expect({ context, changed: changedTables(before, after) }).toEqual({ context, changed: [] });
  return result;
}

describe("a mutation's store failing under it", () => {
  const closeCase = async (): Promise<Prepared> => {
    const { caseId } = await referredCase();
    return { query: `mutation($id: ID!) { closeCase(caseId: $id, reason: SUPPORT_COMPLETED) { id status } }`, variables: { id: caseId }, as: as().gmvs, writes: true };
  };

  it("answers CONFLICT, not INTERNAL_SERVER_ERROR, where the store rolled the change back for a concurrent one, and writes nothing", async () => {
    const m = await closeCase();
    const { body } = await expectNothingWritten("closeCase", () => run(m, { failAt: { matching: /^UPDATE "victims"."case"/, nth: 1 }, failure: "deadlock_detected" }, { failsFrom: null, mode: "up" }), "deadlock");
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", reason: "CONCURRENT_CHANGE" });
  });

  it("writes nothing, the case nor its audit, where the audit of what the answer released cannot be written", async () => {
    const m = await closeCase();
    // The first audit append: the release of the case in the answer (the change's own event reaches the chain as a command, once the unit has committed).
    const { body, fired } = await expectNothingWritten(
      "closeCase",
      () => run(m, { failAt: { matching: /governance\.append_audit_events\(/, nth: 1 }, failure: "CONNECTION_LOST" }, { failsFrom: null, mode: "up" }),
      "release audit",
    );
    expect(fired).toBe(true);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "SOURCE_UNAVAILABLE", source: "hub-store" });
  });
});

/** Steps found per mutation, for the summary. */
const steps: Record<string, { statements: string[]; police: number; writes: boolean }> = {};

describe.each(SCENARIOS.map((s) => [s.label ?? s.field, s] as const))("%s", (label, scenario) => {
  const field = scenario.field;
  it("commits everything with its audit or nothing, whichever statement or source call fails, and says why with a typed code", async () => {
    await fc.assert(
      fc.asyncProperty(scenario.draw, fc.infiniteStream(fc.constantFrom(...(Object.keys(STORE_FAILURES) as StoreFailure[]))), fc.constantFrom(...POLICE_FAILURES), async (drawn, failures, policeMode) => {
        const m = await scenario.prepare(drawn);
        const failure = failures[Symbol.iterator]();
        // The store fails each statement in turn; the first run that completes before the one to fail is the happy path.
        let happy: Run | undefined;
        let before = await snapshotTables(hub.db.dataSource);
        for (let k = 0; !happy; k++) {
          const kind: StoreFailure = failure.next().value;
          const result = await run(m, { failAt: k, failure: kind }, { failsFrom: null, mode: "up" });
          const after = await snapshotTables(hub.db.dataSource);
          const context = `${field}: statement ${k} (${result.statements[k]?.slice(0, 80)}) failed with ${kind}`;
          // Past the unit's COMMIT the mutation is written: what fails then is sending its commands to governance, which wait in its outbox for the relay's next round.
          const committed = result.fired && result.statements.slice(0, k).some((sql) => /^COMMIT$/i.test(sql.trim()));
          if (!result.fired || committed) {
            happy = result;
            expect({ field, errors: result.body.errors }).toEqual({ field, errors: undefined });
            if (m.writes) expect({ field, changed: changedTables(before, after).length > 0 }).toEqual({ field, changed: true });
            if (committed) expect({ context, unsent: await commandsUnsentAfterARound() }).toEqual({ context, unsent: 0 });
            break;
          }
          expect({ context, data: result.body.data?.[field] ?? null }).toEqual({ context, data: null });
          typedErrorsOnly(result.body, context);
          expect({ context, changed: changedTables(before, after) }).toEqual({ context, changed: [] });
          before = after;
        }
        steps[label] = { statements: happy.statements, police: happy.policeCalls, writes: m.writes };
        // Partner systems take no writes through the hub: no mutation calls one, so there is no step of theirs to fail.
        expect({ field, partnerCalls: happy.partnerCalls }).toEqual({ field, partnerCalls: 0 });
        // The police API fails from each of its calls on, on the same data set up afresh.
        for (let j = 0; j < happy.policeCalls; j++) {
          const again = await scenario.prepare(drawn);
          await expectNothingWritten(field, () => run(again, { failAt: null, failure: "CONNECTION_LOST" }, { failsFrom: j, mode: policeMode }), `${field}: police call ${j} on ${policeMode}`);
        }
      }),
      { numRuns: Number(process.env.ATOMIC_WRITES_RUNS ?? 1) },
    );
  });
});

it("has a scenario for every mutation the hub offers, so a new one cannot go unproved", () => {
  const mutation = parse(readFileSync(join(__dirname, "..", "schema", "supergraph.graphql"), "utf8")).definitions.find(
    (d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === "Mutation",
  );
  const offered = (mutation?.fields ?? []).map((f) => f.name.value).sort();
  expect(offered.length).toBeGreaterThan(0);
  expect([...new Set(SCENARIOS.map((s) => s.field))].sort()).toEqual(offered);
});

it("keeps the audit chain whole through every failure", async () => {
  expect(verifyChain(await readAuditChain(hub.db.dataSource))).toBeNull();
  // Each mutation had steps to fail, and among them, where it wrote, its audit's insert (before its unit's COMMIT, so failing it fails the change).
  for (const s of SCENARIOS) {
    const found = steps[s.label ?? s.field];
    // Governance's own writes append to the chain; the victims' and partners' write the event to their outbox of commands to governance, with the change.
    const audited = (found?.statements ?? []).some((sql) => /governance\.append_audit_events\(|^INSERT INTO (victims|partners)\.governance_command /.test(sql));
    expect({ field: s.label ?? s.field, steps: (found?.statements.length ?? 0) > 0, audited: audited || !found?.writes }).toEqual({ field: s.label ?? s.field, steps: true, audited: true });
  }
  if (process.env.ATOMIC_WRITES_STEPS) console.log(Object.entries(steps).map(([f, s]) => `${f}: ${s.statements.length} statements, ${s.police} police calls`).join("\n"));
});
