import { SYNTHETIC_GMVS_CASE_IDS as CASE } from "../connectors/synthetic";
import { OrganisationCode } from "../src/platform/domain";
import { serveHiveGateway } from "../bench/hive-gateway";
import { tokenVerifier } from "../src/hub";
import { SUBGRAPH_NAMES, type SubgraphName } from "../src/platform/config";
import { graphql, startTestHub, TestHub } from "./support/hub";
import { policeStandIn } from "./support/police";

/**
 * A gateway may merge identical subgraph requests that are in flight
 * together (Hive Gateway does, by default). The subgraphs audit each
 * consultation from the caller's own token, so a merged request would
 * record one caller's consultation and answer another's unaudited, from a
 * decision made for someone else. Two callers must never share a subgraph
 * request: this holds the hub's gateway to that, and the gateway
 * comparison's Hive Gateway (bench/hive-gateway.ts) over the same subgraphs.
 */
let hub: TestHub;
let hive: Awaited<ReturnType<typeof serveHiveGateway>>;
beforeAll(async () => {
  hub = await startTestHub();
  const subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, hub.subgraphs[name].url])) as Record<SubgraphName, string>;
  hive = await serveHiveGateway({ subgraphUrls, verifier: await tokenVerifier(hub.config), limits: hub.config.limits, proofKey: hub.config.gatewayProof.signingKey });
});
afterAll(async () => {
  await hive?.close();
  await hub?.close();
});

const CASE_VIEW = `query CaseForAudit($id: ID!) {
  case(id: $id) { id crime { crimeReference offenceDescription status } episodes { provider service status } }
}`;

interface AuditRow {
  actor: string;
  category: string;
  holder: string;
  decision: string;
}

async function auditedFor(callerRequestId: string): Promise<AuditRow[]> {
  return hub.db.dataSource.query(
    `SELECT actor, category, holder, decision FROM governance.audit_event WHERE caller_request_id = $1 ORDER BY category, holder, decision`,
    [callerRequestId],
  );
}

describe.each([
  ["@apollo/gateway (the hub's)", () => hub.url],
  ["Hive Gateway", () => hive.url],
])("%s under identical concurrent queries", (gateway, url) => {
  it("audits two users' identical queries in flight together each under its own caller, the police consultation included", async () => {
    const users = ["restore-advocate-a", "restore-advocate-b"];
    const callerIds = users.map((user) => `gateway-audit-${user}-${gateway.startsWith("Hive") ? "hive" : "apollo"}-${Date.now()}`);
    // Slow police answers keep both requests' police fetches in flight at once.
    policeStandIn(hub).setMode("slow", { delayMs: 300 });
    let answers;
    try {
      answers = await Promise.all(
        users.map(async (subject, i) =>
          graphql(url(), CASE_VIEW, { id: CASE.clientM }, { ...(await hub.as({ organisation: OrganisationCode.PANKHURST, subject })), "x-request-id": callerIds[i] }),
        ),
      );
    } finally {
      policeStandIn(hub).setMode("up");
    }
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect((answer.body.data?.case as { crime: unknown } | null)?.crime).not.toBeNull();
    }
    expect(answers[1].body).toEqual(answers[0].body);

    const [a, b] = await Promise.all(callerIds.map(auditedFor));
    // Each caller's rows name that caller alone, and record the same consultation: the same categories from the same holders.
    expect(new Set(a.map((row) => row.actor))).toEqual(new Set([users[0]]));
    expect(new Set(b.map((row) => row.actor))).toEqual(new Set([users[1]]));
    const consultation = (rows: AuditRow[]) => rows.map(({ category, holder, decision }) => `${holder} ${category} ${decision}`);
    expect(consultation(b)).toEqual(consultation(a));
    // The police subgraph was asked once for each of them, not once for both.
    expect(a.some((row) => row.holder === "GMP")).toBe(true);
  });
});
