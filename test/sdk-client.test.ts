import { Purpose } from "../src/platform/principal";
import { createServer } from "node:net";
import { describeCaseView, hubUrl, loadCaseView } from "../examples/case-view";
import { OrganisationCode } from "../src/platform/domain";
import { ErrorCode } from "../src/platform/errors";
import { SYNTHETIC_CASE_IDS } from "../src/platform/synthetic";
import { DenyReason } from "../src/policy/decide";
import { CASEBRIDGE_ERROR_CODES, DENY_REASONS, nullFields, REQUEST_ERROR_CODES, toCasebridgeError, whyNull } from "../src/sdk";
import { startTestHub, TestHub } from "./support/hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

describe("the typed case-view example over real HTTP", () => {
  it("shows GMP, safeguarding, a case it may know of with the fields no agreement gives it withheld, typed FORBIDDEN with reason NO_AGREEMENT", async () => {
    const token = await hub.token({ organisation: OrganisationCode.GMP, purpose: Purpose.SAFEGUARDING, subject: "officer-example" });
    const report = await loadCaseView(hub.url, token, SYNTHETIC_CASE_IDS.clientM);

    expect(report.case?.id).toBe(SYNTHETIC_CASE_IDS.clientM);
    const withheld = report.missing.filter((m) => m.error?.code === "FORBIDDEN");
    expect(withheld.length).toBeGreaterThan(0);
    for (const { path, error } of withheld) {
      expect(error).toMatchObject({ code: "FORBIDDEN", reason: "NO_AGREEMENT", path });
      // The field the error names is null in the data at the same path.
      expect(path.reduce<unknown>((value, step) => (value as Record<string | number, unknown>)[step], { case: report.case })).toBeNull();
    }
    expect(describeCaseView(report)).toMatch(/: withheld \(NO_AGREEMENT\)/);
  });

  it("gives a Restore advocate with no relationship to the victim no case at all, as for an unknown id", async () => {
    const token = await hub.token({ organisation: OrganisationCode.PANKHURST, subject: "advocate-example" });
    const report = await loadCaseView(hub.url, token, SYNTHETIC_CASE_IDS.harassment);
    const unknown = await loadCaseView(hub.url, token, "5eed0000-0000-4000-8000-0000000000ff");
    expect(report.case).toBeNull();
    expect(report).toEqual(unknown);
  });

  it("gives GMVS, the case's owner, the case with nothing withheld", async () => {
    const token = await hub.token({ organisation: OrganisationCode.GMVS, subject: "caseworker-example" });
    const report = await loadCaseView(hub.url, token, SYNTHETIC_CASE_IDS.clientM);
    expect(report.case?.id).toBe(SYNTHETIC_CASE_IDS.clientM);
    expect(report.case?.caseReference).toEqual(expect.any(String));
    expect(report.missing.filter((m) => m.error?.code === "FORBIDDEN")).toEqual([]);
  });

  it("refuses a caller without a token with a typed UNAUTHENTICATED error", async () => {
    await expect(loadCaseView(hub.url, "", SYNTHETIC_CASE_IDS.clientM)).rejects.toThrow(/UNAUTHENTICATED/);
  });
});

describe("finding the hub", () => {
  it("looks where npm start serves: CASEBRIDGE_URL, else localhost on PORT, else 4000", () => {
    expect(hubUrl({})).toBe("http://localhost:4000/graphql");
    expect(hubUrl({ PORT: "4100" })).toBe("http://localhost:4100/graphql");
    expect(hubUrl({ PORT: "4100", CASEBRIDGE_URL: "http://hub.internal:8080/graphql" })).toBe("http://hub.internal:8080/graphql");
  });

  it("asks whether the hub is running at the URL when nothing answers there, instead of only 'fetch failed'", async () => {
    // A loopback port nothing listens on: one the system just gave out and took back.
    const server = createServer();
    const port = await new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port)));
    await new Promise((resolve) => server.close(resolve));
    const url = `http://127.0.0.1:${port}/graphql`;
    await expect(loadCaseView(url, "token", SYNTHETIC_CASE_IDS.clientM)).rejects.toThrow(
      `Could not reach ${url} (ECONNREFUSED): is the hub running at ${url}? Start it with \`npm start\`, or set CASEBRIDGE_URL (or PORT) to where it runs.`,
    );
  });
});

describe("typed errors", () => {
  it("pairs each null field with the error at its path, or with one below it whose null bubbled up", () => {
    const result = {
      data: { case: { crime: null, borough: null, episodes: [{ provider: null }], thematicLead: null }, other: null },
      errors: [
        { message: "Withheld", path: ["case", "crime"], extensions: { code: "FORBIDDEN", reason: "NO_CONSENT" } },
        { message: "down", path: ["case", "episodes", 0, "provider"], extensions: { code: "SOURCE_UNAVAILABLE", source: "pankhurst", reason: "timeout" } },
        { message: "Withheld", path: ["other", "nonNullField"], extensions: { code: "FORBIDDEN", reason: "NO_AGREEMENT" } },
      ].map(toCasebridgeError),
    };
    expect(nullFields(result)).toEqual([
      { path: ["case", "crime"], error: expect.objectContaining({ code: "FORBIDDEN", reason: "NO_CONSENT" }) },
      { path: ["case", "borough"], error: null },
      { path: ["case", "episodes", 0, "provider"], error: expect.objectContaining({ code: "SOURCE_UNAVAILABLE", source: "pankhurst", reason: "timeout" }) },
      { path: ["case", "thematicLead"], error: null },
      { path: ["other"], error: expect.objectContaining({ reason: "NO_AGREEMENT", path: ["other", "nonNullField"] }) },
    ]);
    expect(whyNull(result.errors, ["case", "borough"])).toBeUndefined();
  });

  it("reads an unknown code as INTERNAL_SERVER_ERROR and a FORBIDDEN without a known reason as ROLE_NOT_PERMITTED", () => {
    expect(toCasebridgeError({ message: "x", extensions: { code: "SOMETHING_NEW" } }).code).toBe("INTERNAL_SERVER_ERROR");
    expect(toCasebridgeError({ message: "x", extensions: { code: "FORBIDDEN" } })).toMatchObject({ code: "FORBIDDEN", reason: "ROLE_NOT_PERMITTED" });
    expect(toCasebridgeError({ message: "x", extensions: { code: "FORBIDDEN", reason: "BREAK_GLASS_LIMIT_REACHED" } })).toEqual({ message: "x", code: "FORBIDDEN", reason: "BREAK_GLASS_LIMIT_REACHED" });
    expect(toCasebridgeError({ message: "x", extensions: { code: "INVALID_INPUT", header: "x-break-glass-reason" } })).toEqual({ message: "x", code: "INVALID_INPUT", header: "x-break-glass-reason" });
    expect(toCasebridgeError({ message: "x", extensions: { code: "OPERATION_NOT_IN_SAFELIST" } }).code).toBe("OPERATION_NOT_IN_SAFELIST");
  });

  it("gives an input's bound with INVALID_INPUT, so a screen can hold the input to it", () => {
    expect(toCasebridgeError({ message: "x", extensions: { code: "INVALID_INPUT", argument: "input.victim.givenName", maxLength: 100 } })).toEqual({
      message: "x",
      code: "INVALID_INPUT",
      argument: "input.victim.givenName",
      maxLength: 100,
    });
    expect(toCasebridgeError({ message: "x", extensions: { code: "INVALID_INPUT", argument: "answers", maxItems: 100 } })).toMatchObject({ maxItems: 100 });
  });

  it("knows every refusal reason decide() gives and every code the server sends", async () => {
    expect([...DENY_REASONS].sort()).toEqual(Object.values(DenyReason).sort());
    expect([...CASEBRIDGE_ERROR_CODES].sort()).toEqual(Object.values(ErrorCode).sort());
    const { REQUEST_ERROR_CODES: serverRequestCodes } = await import("../src/platform/errors");
    expect([...REQUEST_ERROR_CODES].sort()).toEqual([...serverRequestCodes].sort());
    for (const code of Object.values(ErrorCode)) expect(toCasebridgeError({ message: "x", extensions: { code } }).code).toBe(code);
  });
});
