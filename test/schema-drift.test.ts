import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildASTSchema, parse } from "graphql";
import { renderSchemas, staleSchemaFiles } from "../src/gateway/compose";
import { breakingForOperations } from "../src/gateway/operations-check";
import { SUBGRAPH_NAMES } from "../src/platform/config";

let rendered: Record<string, string>;
beforeAll(async () => {
  rendered = await renderSchemas();
});

describe("generated schema", () => {
  it("is committed exactly as the code produces it (run `npm run schema` after changing a type)", () => {
    expect(staleSchemaFiles(rendered)).toEqual([]);
  });

  it("names a committed file that no longer matches the code", () => {
    const dir = mkdtempSync(join(tmpdir(), "casebridge-schema-"));
    try {
      for (const [name, content] of Object.entries(rendered)) writeFileSync(join(dir, name), content);
      expect(staleSchemaFiles(rendered, dir)).toEqual([]);
      // As if the code had gained a field since the file was generated.
      const police = rendered["police.graphql"] as string;
      writeFileSync(join(dir, "police.graphql"), police.replace(/^\s*stalking: .*\n/m, ""));
      rmSync(join(dir, "supergraph.graphql"));
      expect(staleSchemaFiles(rendered, dir).sort()).toEqual(["police.graphql", "supergraph.graphql"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("emits one file per subgraph and a supergraph that is valid GraphQL", () => {
    expect(Object.keys(rendered).sort()).toEqual([...SUBGRAPH_NAMES.map((n) => `${n}.graphql`), "supergraph.graphql"].sort());
    expect(() => buildASTSchema(parse(rendered["supergraph.graphql"] as string), { assumeValidSDL: true })).not.toThrow();
    expect(rendered["supergraph.graphql"]).toMatch(/@join__type\(graph: PARTNERS, key: "id"\)/);
  });
});

describe("the committed operations against the schema", () => {
  it("all still validate: no change has broken a front end built on them", () => {
    expect(breakingForOperations(rendered["supergraph.graphql"] as string)).toEqual([]);
  });

  it("names each operation a breaking change would break, and why", () => {
    // As if Case.caseReference had been removed from the victims subgraph.
    const supergraph = rendered["supergraph.graphql"] as string;
    const without = supergraph.replace(/\n  """The reference GMVS staff quote"""\n  caseReference: String! @join__field\(graph: VICTIMS\)\n/, "\n");
    expect(without).not.toBe(supergraph);
    const broken = breakingForOperations(without);
    expect(broken.map((b) => b.split(":")[0])).toEqual(["case-view.graphql", "cases.graphql", "shared-case-view.graphql", "shared-case.graphql"]);
    expect(broken[0]).toMatch(/Cannot query field "caseReference" on type "Case"/);
  });
});
