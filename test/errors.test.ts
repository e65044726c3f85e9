import { OrganisationCode } from "../src/platform/domain";
import { graphql, startTestHub, TestHub } from "./support/hub";

describe.each(["production", "development"] as const)("an internal failure in %s mode", (nodeEnv) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ NODE_ENV: nodeEnv });
    // Break the police store so that resolving a crime raises a SQL error.
    await hub.db.dataSource.query(`ALTER TABLE police.crime RENAME TO crime_gone`);
  });
  afterAll(async () => {
    await hub?.close();
  });

  it("reaches the client as a coded error with no SQL, and no stack outside development", async () => {
    const { body } = await graphql(
      hub.url,
      `{ crime(crimeReference: "SYN/000101/26") { offenceCode } organisations { code } }`,
      {},
      await hub.as({ organisation: OrganisationCode.GMP }),
    );
    const error = body.errors?.[0];
    expect(error?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    // graphql-shield masks what a resolver throws (allowExternalErrors: false) in every mode;
    // only development adds the gateway's own stack trace.
    expect(error?.message).toBe("Internal server error");
    expect(JSON.stringify(body.errors)).not.toMatch(/relation|police\.crime|SELECT|crime_gone/i);
    if (nodeEnv === "production") expect(error?.extensions).not.toHaveProperty("stacktrace");
    // The rest of the response still arrives.
    expect((body.data as { organisations: unknown[] }).organisations).toHaveLength(6);
  });
});
