import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Kind, parse } from "graphql";
import { operationHash } from "../codegen";
import { renderSdk, ROOT, staleSdkFiles } from "../src/sdk/codegen";

const GENERATED = "src/sdk/generated";

let rendered: Record<string, string>;
beforeAll(async () => {
  rendered = await renderSdk();
});

describe("generated SDK (npm run codegen)", () => {
  it("is committed exactly as codegen produces it from schema/operations (run `npm run codegen` after changing an operation)", () => {
    expect(staleSdkFiles(rendered)).toEqual([]);
  });

  it("names the stale generated files when an operation changes without regenerating", async () => {
    const work = mkdtempSync(join(tmpdir(), "casebridge-codegen-"));
    try {
      const operations = join(work, "operations");
      cpSync(join(ROOT, "schema", "operations"), operations, { recursive: true });
      const caseView = join(operations, "case-view.graphql");
      writeFileSync(caseView, readFileSync(caseView, "utf8").replace("    caseReference\n", "    caseReference\n    thematicLead\n    __typename\n"));
      const changed = await renderSdk({ documents: [join(operations, "**", "*.graphql")] });
      expect(staleSdkFiles(changed)).toEqual([`${GENERATED}/gql.ts`, `${GENERATED}/graphql.ts`, `${GENERATED}/persisted-documents.json`]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it("names a generated file left behind and one that is missing", () => {
    const dir = mkdtempSync(join(tmpdir(), "casebridge-generated-"));
    try {
      for (const [path, content] of Object.entries(rendered)) writeFileSync(join(dir, path.slice(GENERATED.length + 1)), content);
      expect(staleSdkFiles(rendered, dir)).toEqual([]);
      writeFileSync(join(dir, "old-operation.ts"), "export {};\n");
      rmSync(join(dir, "gql.ts"));
      expect(staleSdkFiles(rendered, dir)).toEqual([`${GENERATED}/gql.ts`, `${GENERATED}/old-operation.ts`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("compiles a new operation under schema/operations into a typed document with its safelist hash", async () => {
    const work = mkdtempSync(join(tmpdir(), "casebridge-codegen-"));
    try {
      writeFileSync(join(work, "organisations.graphql"), "query OrganisationNames {\n  organisations {\n    code\n    name\n  }\n}\n");
      const withNew = await renderSdk({ documents: [join(ROOT, "schema", "operations", "**", "*.graphql"), join(work, "*.graphql")] });
      const types = withNew[`${GENERATED}/graphql.ts`] as string;
      expect(types).toContain("export type OrganisationNamesQuery = { organisations: Array<{ code: OrganisationCode, name: string }> };");
      expect(types).toMatch(/export const OrganisationNamesDocument = .* as unknown as DocumentNode<OrganisationNamesQuery, OrganisationNamesQueryVariables>;/);
      const manifest = JSON.parse(withNew[`${GENERATED}/persisted-documents.json`] as string) as Record<string, string>;
      const text = "query OrganisationNames { organisations { code name } }";
      expect(manifest[operationHash(text)]).toBe(text);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it("persists every operation in schema/operations, keyed by the sha256 of its exact text", () => {
    const manifest = JSON.parse(rendered[`${GENERATED}/persisted-documents.json`] as string) as Record<string, string>;
    const namesIn = (source: string) =>
      parse(source).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : []));
    const written = readdirSync(join(ROOT, "schema", "operations"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".graphql"))
      .flatMap((f) => namesIn(readFileSync(join(ROOT, "schema", "operations", f), "utf8")));
    expect(written).toEqual(expect.arrayContaining(["CaseView", "RecordConsent", "WithdrawConsent", "ExplainAccess", "Agreements", "AuditEvents"]));
    expect(Object.values(manifest).flatMap(namesIn).sort()).toEqual(written.sort());
    for (const [hash, text] of Object.entries(manifest)) expect(operationHash(text)).toBe(hash);
  });
});
