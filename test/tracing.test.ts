import { SpanKind, trace } from "@opentelemetry/api";
import { InMemorySpanExporter, ReadableSpan } from "@opentelemetry/sdk-trace";
import { SEED_CASES, SEED_VICTIMS } from "../src/subgraphs/victims/seed";
import { startTracing, Tracing } from "../src/platform/tracing";
import { startTestHub, TestHub } from "./support/hub";
import { actors, consentTo, policeReferral, referToRestore, send } from "./stories/support";

/**
 * Traces say what ran, never about whom. A hub traced into memory (the
 * test-only exporter hook of startTracing, behind the same redaction as
 * OTLP) runs the story steps with synthetic personal values of its own and
 * over the seed's; then every attribute of every span is scanned for them.
 */
let tracing: Tracing;
let hub: TestHub;
const exporter = new InMemorySpanExporter();

/** The synthetic victim this test refers: values found nowhere else. */
const OTELIA = {
  givenName: "Otelia",
  familyName: "Tracewell",
  dateOfBirth: "1979-02-23",
  email: "otelia.tracewell@example.invalid",
  phone: "07700900987",
  postcode: "M4 7QQ",
  addressLine: "23 Spanfield Road",
};

/** Every personal value the steps below send or read. */
const personalValues: string[] = [
  ...Object.values(OTELIA),
  ...SEED_VICTIMS.flatMap((v) => [v.familyName, v.dateOfBirth, v.email, v.phone, v.postcode, v.addressLine, v.policeVictimRef, v.id]),
  ...SEED_CASES.flatMap((c) => [c.id, c.caseReference, c.crimeReference]),
].filter((v): v is string => typeof v === "string" && v.length > 0);

interface Finding {
  span: string;
  attribute: string;
  value: string;
}

/** Each span name, attribute (events' included) and resource attribute that holds one of `values`. */
function scan(spans: readonly ReadableSpan[], values: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  const check = (span: string, attribute: string, raw: unknown) => {
    const text = typeof raw === "string" ? raw : JSON.stringify(raw);
    for (const value of values) if (text?.toLowerCase().includes(value.toLowerCase())) findings.push({ span, attribute, value });
  };
  for (const span of spans) {
    check(span.name, "(name)", span.name);
    for (const [key, value] of Object.entries(span.attributes)) check(span.name, key, value);
    for (const event of span.events) for (const [key, value] of Object.entries(event.attributes ?? {})) check(span.name, `${event.name}.${key}`, value);
    for (const [key, value] of Object.entries(span.resource.attributes)) check(span.name, `resource.${key}`, value);
  }
  return findings;
}

const CASE_VIEW = `query CaseView { cases(first: 5) { caseReference borough crime { crimeReference offenceDescription status } episodes { provider service status } } }`;
const ADVOCATE_VIEW = `query AdvocateView($id: ID!) { case(id: $id) { caseReference victim { givenName familyName dateOfBirth email } crime { crimeReference } } }`;

beforeAll(async () => {
  tracing = (await startTracing({ otlp: false, serviceName: "casebridge-test", exporter }))!;
  hub = await startTestHub();
}, 120_000);
afterAll(async () => {
  await hub?.close();
  await tracing?.shutdown();
});

/** The story steps, through the gateway: a referral with the victim's details, consent, a referral on, and the shared views. */
async function runStories(): Promise<string[]> {
  const as = actors(hub);
  const referred = await policeReferral(hub, { homeOfficeCode: "8Q", description: "Stalking", borough: "MANCHESTER" as never, flags: { stalking: true } }, OTELIA);
  const consentId = await consentTo(hub, referred.caseId, "PANKHURST", ["IDENTITY", "CONTACT", "CASE_NOTES", "SUPPORT"]);
  await referToRestore(hub, referred.caseId, consentId);
  const view = await send(hub, CASE_VIEW, {}, as.gmvs());
  expect(view.data?.cases.length).toBeGreaterThan(0);
  const own = await send(hub, ADVOCATE_VIEW, { id: referred.caseId }, as.gmvs());
  expect(own.data?.case.victim).toMatchObject({ givenName: OTELIA.givenName, email: OTELIA.email });
  await send(hub, ADVOCATE_VIEW, { id: SEED_CASES[0].id }, as.restore(), true);
  // A literal in the document, and a GET whose query string carries the variables.
  await send(hub, `{ case(id: "${SEED_CASES[0].id}") { caseReference victim { familyName } } }`, {}, as.gmvs());
  const url = new URL(hub.url);
  url.searchParams.set("query", ADVOCATE_VIEW);
  url.searchParams.set("variables", JSON.stringify({ id: referred.caseId, note: OTELIA.familyName }));
  const get = await fetch(url, { headers: { ...(await as.gmvs()), "apollo-require-preflight": "true" } });
  expect(get.status).toBe(200);
  return [referred.crimeReference, referred.caseId, `SYN-VICTIM-${referred.tag}`];
}

it("records the gateway request, each subgraph fetch, each source call and each SQL statement, with no personal value in any span", async () => {
  exporter.reset();
  const made = await runStories();
  const spans = exporter.getFinishedSpans();

  const gatewayRequests = spans.filter((s) => s.name === "gateway.request");
  expect(gatewayRequests.length).toBeGreaterThanOrEqual(8);
  expect(gatewayRequests.map((s) => s.attributes["graphql.operation.name"])).toEqual(expect.arrayContaining(["CaseView", "AdvocateView"]));
  expect(gatewayRequests.map((s) => s.attributes["graphql.operation.type"])).toEqual(expect.arrayContaining(["query", "mutation"]));
  const fetched = new Set(spans.filter((s) => s.name === "gateway.fetch").map((s) => s.attributes.service));
  expect([...fetched].sort()).toEqual(expect.arrayContaining(["governance", "partners", "police", "victims"]));
  const subgraphOperations = spans.filter((s) => s.attributes["casebridge.subgraph"] !== undefined);
  expect(subgraphOperations.every((s) => typeof s.attributes["graphql.operation.type"] === "string")).toBe(true);
  // The shared view reads GMP's records API and each partner's system: a client span per call.
  const sources = new Set(spans.filter((s) => s.kind === SpanKind.CLIENT && s.attributes["casebridge.source"]).map((s) => s.attributes["casebridge.source"]));
  expect([...sources]).toEqual(expect.arrayContaining(["police", "pankhurst", "hourglass", "challenger"]));
  // Every statement of the hub's store, its text with $n placeholders: the victim's insert carries none of her values.
  const statements = spans.filter((s) => typeof s.attributes["db.query.text"] === "string").map((s) => s.attributes["db.query.text"] as string);
  expect(statements.length).toBeGreaterThan(20);
  expect(statements.some((text) => /^INSERT INTO "victims"\."victim"/.test(text) && text.includes("$1"))).toBe(true);
  // Node's fetch (the gateway's subgraph calls, the REST sources) is traced too.
  expect(spans.some((s) => s.kind === SpanKind.CLIENT && typeof s.attributes["http.request.method"] === "string")).toBe(true);

  expect(scan(spans, [...personalValues, ...made])).toEqual([]);
});

it("finds a personal value as soon as one reaches a span attribute: the variables of a traced call", async () => {
  exporter.reset();
  const variables = { input: { givenName: OTELIA.givenName, dateOfBirth: OTELIA.dateOfBirth, email: OTELIA.email } };
  // What a careless instrumentation would do: the operation's variables on its span.
  await trace.getTracer("careless").startActiveSpan("client request", async (span) => {
    span.setAttribute("graphql.variables", JSON.stringify(variables));
    await send(hub, CASE_VIEW, {}, actors(hub).gmvs());
    span.end();
  });
  const findings = scan(exporter.getFinishedSpans(), personalValues);
  expect(findings).toEqual(
    expect.arrayContaining([
      { span: "client request", attribute: "graphql.variables", value: OTELIA.givenName },
      { span: "client request", attribute: "graphql.variables", value: OTELIA.dateOfBirth },
      { span: "client request", attribute: "graphql.variables", value: OTELIA.email },
    ]),
  );
});
