import { graphql, startTestHub, TestHub } from "./support/hub";

describe.each([
  ["production", false],
  ["development", true],
] as const)("an internal failure in %s mode", (nodeEnv, development) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ NODE_ENV: nodeEnv });
    // Break the police store so that resolving a crime raises a SQL error.
    await hub.db.dataSource.query(`ALTER TABLE police.crime RENAME TO crime_gone`);
  });
  afterAll(async () => {
    await hub?.close();
  });

  it(development ? "shows the cause to a developer, still with a code" : "reaches the client as a coded error with no SQL, no stack", async () => {
    const { body } = await graphql(hub.url, `{ crime(crimeReference: "SYN/000101/26") { offenceCode } organisations { code } }`);
    const error = body.errors?.[0];
    expect(error?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    const text = JSON.stringify(body.errors);
    if (development) {
      expect(text).toMatch(/crime/);
    } else {
      expect(error?.message).toBe("Internal server error");
      expect(text).not.toMatch(/relation|police\.crime|SELECT|stacktrace/i);
    }
    // The rest of the response still arrives.
    expect((body.data as { organisations: unknown[] }).organisations).toHaveLength(6);
  });
});
