import { OrganisationCode } from "../src/platform/domain";
import { Role } from "../src/platform/principal";
import { SYNTHETIC_CASE_IDS } from "../src/platform/synthetic";
import { graphql, GraphQLResponse, startTestHub, TestHub } from "./support/hub";

/**
 * Break-glass from the caller's side: a Pankhurst supervisor with no basis
 * to know of the synthetic harassment case (GMVS's case, GMP's crime) asks
 * for it with and without a reason, and the data owners read their audit.
 * Each test's supervisor is its own, so the daily cap is each test's own.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
}, 300_000);
afterAll(async () => {
  await hub?.close();
});

const CASE_VIEW = `query($id: ID!) { case(id: $id) { id caseReference crime { crimeReference offenceDescription } } }`;
type CaseView = { case: { id: string; caseReference: string; crime: { crimeReference: string; offenceDescription: string | null } | null } | null };
const JUSTIFICATION = "Neighbour reports the victim missing after threats; welfare check before police attend";
const REASON = `GMP-20261201-0001: ${JUSTIFICATION}`;

const pankhurst = (subject: string, role = Role.SUPERVISOR) => hub.as({ organisation: OrganisationCode.PANKHURST, roles: [role], subject });
const supervisorOf = (organisation: OrganisationCode) => hub.as({ organisation, roles: [Role.SUPERVISOR], subject: `${organisation.toLowerCase()}-audit-lead` });

async function askForCase(headers: Record<string, string>, reason?: string, url = hub.url): Promise<GraphQLResponse<CaseView>> {
  return graphql<CaseView>(url, CASE_VIEW, { id: SYNTHETIC_CASE_IDS.harassment }, reason === undefined ? headers : { ...headers, "x-break-glass-reason": reason });
}

type AuditRow = { actor: string | null; organisation: string | null; category: string; decision: string; reason: string | null; holder: string; breakGlassReason: string | null; records: string[] };
async function breakGlassEventsSeenBy(headers: Record<string, string>) {
  return graphql<{ auditEvents: AuditRow[] }>(
    hub.url,
    `{ auditEvents(first: 100, breakGlassOnly: true) { actor organisation category decision reason holder breakGlassReason records } }`,
    {},
    headers,
  );
}

describe("a malformed reason", () => {
  it.each([
    ["twenty-odd characters of nothing", "aaaaaaaaaaaaaaaaaaaaaa"],
    ["a written reason with no reference", "Immediate risk to life reported by the victim's neighbour; safeguarding visit"],
    ["a reference that is not an incident or safeguarding reference", `INC-1234: ${JUSTIFICATION}`],
    ["a reference with no justification", "GMP-20261201-0001:"],
    ["a reference with a token justification", "SG-MCR-004512: aaaaaaaaaaaaaaaaaaaaaa"],
    ["a justification before the reference", `${JUSTIFICATION}: GMP-20261201-0001`],
  ])("grants nothing for %s: 400 INVALID_INPUT naming the header, nothing run, nothing audited as a grant", async (_name, reason) => {
    const subject = `restore-lead-malformed-${reason.length}`;
    for (const url of [hub.url, hub.subgraphs.victims.url]) {
      const { status, body } = await askForCase(await pankhurst(subject), reason, url);
      expect(status).toBe(400);
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: "INVALID_INPUT", header: "x-break-glass-reason" });
      expect(body.errors?.[0]?.message).toMatch(/x-break-glass-reason/);
    }
    for (const owner of [OrganisationCode.GMP, OrganisationCode.GMVS]) {
      const { body } = await breakGlassEventsSeenBy(await supervisorOf(owner));
      expect(body.data?.auditEvents.filter((e) => e.actor === subject)).toEqual([]);
    }
  });
});

describe("a well-formed reason", () => {
  it("lets a supervisor override the refusal: the case and its crime are released", async () => {
    const supervisor = await pankhurst("restore-lead-grant");
    expect((await askForCase(supervisor)).body).toEqual({ data: { case: null } });
    const broken = await askForCase(supervisor, REASON);
    expect(broken.body.errors).toBeUndefined();
    expect(broken.body.data?.case).toMatchObject({ id: SYNTHETIC_CASE_IDS.harassment, crime: { offenceDescription: "Harassment" } });
  });

  it("accepts a safeguarding reference and keeps the justification's words as written", async () => {
    const broken = await askForCase(await pankhurst("restore-lead-sg"), `  SG-MCR-004512 :   ${JUSTIFICATION}  `);
    expect(broken.body.data?.case?.crime?.offenceDescription).toBe("Harassment");
    const { body } = await breakGlassEventsSeenBy(await supervisorOf(OrganisationCode.GMP));
    expect(body.data?.auditEvents.find((e) => e.actor === "restore-lead-sg")?.breakGlassReason).toBe(`SG-MCR-004512: ${JUSTIFICATION}`);
  });

  it("refuses a caseworker outright (403 FORBIDDEN, ROLE_NOT_PERMITTED), releasing nothing, at the gateway and at a subgraph", async () => {
    const caseworker = await pankhurst("restore-advocate-bg", Role.CASEWORKER);
    for (const url of [hub.url, hub.subgraphs.victims.url]) {
      const { status, body } = await askForCase(caseworker, REASON, url);
      expect(status).toBe(403);
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason: "ROLE_NOT_PERMITTED" });
    }
    // Without the header the caseworker gets the ordinary answer: nothing, as if the case did not exist.
    expect((await askForCase(caseworker)).body).toEqual({ data: { case: null } });
  });
});

describe("the data owners' audit", () => {
  it("lists each grant for the owners' supervisors as soon as the response arrives, and for no other organisation", async () => {
    const subject = "restore-lead-audited";
    const broken = await askForCase(await pankhurst(subject), REASON);
    const { crimeReference } = broken.body.data?.case?.crime ?? {};
    expect(crimeReference).toBeDefined();

    const gmp = await breakGlassEventsSeenBy(await supervisorOf(OrganisationCode.GMP));
    expect(gmp.body.data?.auditEvents.filter((e) => e.actor === subject)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ organisation: "PANKHURST", holder: "GMP", category: "OFFENCE_DETAILS", decision: "ALLOW", reason: "BREAK_GLASS", breakGlassReason: REASON, records: [`Crime:${crimeReference}`] }),
      ]),
    );
    const gmvs = await breakGlassEventsSeenBy(await supervisorOf(OrganisationCode.GMVS));
    expect(gmvs.body.data?.auditEvents.filter((e) => e.actor === subject)).toEqual(
      expect.arrayContaining([expect.objectContaining({ organisation: "PANKHURST", holder: "GMVS", decision: "ALLOW", reason: "BREAK_GLASS", breakGlassReason: REASON })]),
    );

    // Another organisation's supervisor, and the owner's caseworkers, see none of it.
    const hourglass = await breakGlassEventsSeenBy(await supervisorOf(OrganisationCode.HOURGLASS));
    expect(hourglass.body.errors).toBeUndefined();
    expect(hourglass.body.data?.auditEvents.filter((e) => e.actor === subject)).toEqual([]);
    expect(JSON.stringify(hourglass.body)).not.toContain(JUSTIFICATION);
    const gmpCaseworker = await breakGlassEventsSeenBy(await hub.as({ organisation: OrganisationCode.GMP, roles: [Role.CASEWORKER] }));
    expect(gmpCaseworker.body.data?.auditEvents ?? null).toBeNull();
    expect(gmpCaseworker.body.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason: "ROLE_NOT_PERMITTED" });
  });
});

describe("the daily cap", () => {
  it("refuses the sixth break-glass of a supervisor's day (cap 5): the ordinary answer stands, the caller is told, the refusal is audited", async () => {
    const cap = hub.config.breakGlass.dailyCap;
    expect(cap).toBe(5);
    const supervisor = await pankhurst("restore-lead-capped");
    for (let use = 1; use <= cap; use += 1) {
      const { body } = await askForCase(supervisor, `GMP-20261201-000${use}: ${JUSTIFICATION}`);
      expect({ use, errors: body.errors, offence: body.data?.case?.crime?.offenceDescription }).toEqual({ use, errors: undefined, offence: "Harassment" });
    }
    const over = await askForCase(supervisor, `GMP-20261201-0009: ${JUSTIFICATION}`);
    expect(over.status).toBe(200);
    expect(over.body.data).toEqual({ case: null });
    expect(over.body.errors).toHaveLength(1);
    expect(over.body.errors?.[0]).toMatchObject({ extensions: { code: "FORBIDDEN", reason: "BREAK_GLASS_LIMIT_REACHED" } });
    expect(over.body.errors?.[0]?.path).toBeUndefined();
    // A case the supervisor may see anyway (Client M, her own client) reaches the police subgraph too; the refusal still
    // comes once and says the same, so it tells nothing about which cases exist.
    const visible = await graphql<CaseView>(hub.url, CASE_VIEW, { id: SYNTHETIC_CASE_IDS.clientM }, { ...supervisor, "x-break-glass-reason": `GMP-20261201-0009: ${JUSTIFICATION}` });
    expect(visible.body.data?.case?.crime?.offenceDescription).toBe("Stalking");
    expect(visible.body.errors).toEqual(over.body.errors);
    expect(over.body.errors?.[0]?.extensions).not.toHaveProperty("serviceName");

    // The supervisor's own organisation sees the refusal; the owners see no sixth grant.
    const own = await breakGlassEventsSeenBy(await supervisorOf(OrganisationCode.PANKHURST));
    const refusals = own.body.data?.auditEvents.filter((e) => e.actor === "restore-lead-capped") ?? [];
    expect(refusals.length).toBeGreaterThanOrEqual(2);
    for (const refusal of refusals) {
      expect(refusal).toMatchObject({ holder: "PANKHURST", category: "BREAK_GLASS", decision: "DENY", reason: "BREAK_GLASS_LIMIT_REACHED", breakGlassReason: `GMP-20261201-0009: ${JUSTIFICATION}` });
    }
    const gmp = await breakGlassEventsSeenBy(await supervisorOf(OrganisationCode.GMP));
    const grantReasons = new Set(gmp.body.data?.auditEvents.filter((e) => e.actor === "restore-lead-capped").map((e) => e.breakGlassReason));
    expect([...grantReasons].sort()).toEqual([1, 2, 3, 4, 5].map((use) => `GMP-20261201-000${use}: ${JUSTIFICATION}`));

    // The cap is each supervisor's own.
    const colleague = await askForCase(await pankhurst("restore-lead-colleague"), REASON);
    expect(colleague.body.data?.case?.crime?.offenceDescription).toBe("Harassment");
  });

  it("holds when a supervisor sends many at once: no more than the cap are released, the rest withheld and audited", async () => {
    const cap = hub.config.breakGlass.dailyCap;
    const supervisor = await pankhurst("restore-lead-burst");
    const answers = await Promise.all(Array.from({ length: cap + 3 }, (_, i) => askForCase(supervisor, `SG-BURST-${i}: ${JUSTIFICATION}`)));
    const released = answers.filter((a) => a.body.data?.case?.crime?.offenceDescription === "Harassment");
    expect(released).toHaveLength(cap);
    for (const refused of answers.filter((a) => !released.includes(a))) {
      expect(refused.body.data?.case ?? null).toBeNull();
      expect(refused.body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: "FORBIDDEN", reason: "BREAK_GLASS_LIMIT_REACHED" }) })]);
    }
    const gmp = await breakGlassEventsSeenBy(await supervisorOf(OrganisationCode.GMP));
    expect(new Set(gmp.body.data?.auditEvents.filter((e) => e.actor === "restore-lead-burst").map((e) => e.breakGlassReason)).size).toBe(cap);
  });
});
