import { OrganisationCode } from "../src/platform/domain";
import { SYNTHETIC_CASE_IDS } from "../src/platform/synthetic";
import { graphql, startTestHub, TestHub } from "./support/hub";

describe.each(["production", "development"] as const)("an internal failure in %s mode", (nodeEnv) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ NODE_ENV: nodeEnv });
    // Break the victims store so that resolving a case raises a SQL error (police keeps no tables: its records come from the police API).
    await hub.db.dataSource.query(`ALTER TABLE victims."case" RENAME TO case_gone`);
  });
  afterAll(async () => {
    await hub?.close();
  });

  it("reaches the client as a coded error with no SQL, and no stack outside development", async () => {
    const { body } = await graphql(
      hub.url,
      `{ case(id: "${SYNTHETIC_CASE_IDS.clientM}") { caseReference } organisations { code } }`,
      {},
      await hub.as({ organisation: OrganisationCode.GMVS }),
    );
    const error = body.errors?.[0];
    expect(error?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    // graphql-shield masks what a resolver throws (allowExternalErrors: false) in every mode;
    // only development adds the gateway's own stack trace.
    expect(error?.message).toBe("Internal server error");
    expect(JSON.stringify(body.errors)).not.toMatch(/relation|victims\."?case|SELECT|case_gone/i);
    if (nodeEnv === "production") expect(error?.extensions).not.toHaveProperty("stacktrace");
    // The rest of the response still arrives.
    expect((body.data as { organisations: unknown[] }).organisations).toHaveLength(6);
  });
});
