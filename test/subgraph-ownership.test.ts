import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { SUBGRAPH_NAMES } from "../src/platform/config";

/**
 * Each subgraph owns the tables of its schema; no subgraph's code reads or
 * writes another's. "A subgraph's code" is every module its entry point
 * loads at run time (type-only imports load nothing), plus what the hub
 * composes for it when it runs apart: the access policy's client of
 * governance's interface (src/policy/governance-client.ts, over HTTP) for
 * every subgraph but governance, and for insights the fact sources (the
 * victims' and partners' fact feeds, read over HTTP). In one process on one
 * store, the hub gives the policy governance's own adapter instead
 * (src/subgraphs/governance/port), which is governance's code. A module touches a schema where
 * it names one of its tables in SQL (`governance.consent`) or declares an
 * entity in it (`@Entity({ schema: "victims" })`).
 *
 * Victims and partners tell governance about their records (subject links,
 * relationships, audit events) through commands written to an outbox in
 * their own schema (src/policy/governance-commands.ts), which governance
 * applies; the audit chain's SQL is governance's
 * (src/subgraphs/governance/audit/chain.ts). So no subgraph has an exception
 * here, and anything new that reaches another's tables fails.
 */
const ROOT = join(__dirname, "..");
const OWNED_SCHEMAS = ["victims", "partners", "governance", "insights"] as const;

/** Where an import from `from` leads: a .ts module or a folder's index.ts (packages are not ours). */
function resolveImport(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return [`${base}.ts`, join(base, "index.ts")].find((candidate) => existsSync(candidate));
}

const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");

/** Every module of ours that loading `entries` loads. */
function modulesLoadedBy(entries: string[]): Set<string> {
  const loaded = new Set<string>();
  const pending = [...entries];
  while (pending.length) {
    const file = pending.pop()!;
    if (loaded.has(file)) continue;
    loaded.add(file);
    const source = withoutComments(readFileSync(file, "utf8"));
    for (const match of source.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^;]*?\sfrom\s+"(\.[^"]+)"|\brequire\("(\.[^"]+)"\)|\bimport\("(\.[^"]+)"\)/gm)) {
      const target = resolveImport(file, (match[1] ?? match[2] ?? match[3])!);
      if (target) pending.push(target);
    }
  }
  return loaded;
}

/** The schemas a module's own text touches: tables named in SQL, entities declared. */
function schemasTouchedBy(source: string): string[] {
  return OWNED_SCHEMAS.filter((schema) => new RegExp(`(?<![.\\w])${schema}\\.("?)[a-z_]+\\1(?![\\w(])`).test(source) || new RegExp(`schema:\\s*"${schema}"`).test(source));
}

function foreignSchemasOf(subgraph: string): Record<string, string[]> {
  const entries = [join(ROOT, "src", "subgraphs", subgraph, "index.ts")];
  if (subgraph !== "governance") entries.push(join(ROOT, "src", "policy", "governance-client.ts"));
  if (subgraph === "insights") entries.push(join(ROOT, "src", "insights-facts", "feeds.ts"));
  const touched: Record<string, string[]> = {};
  for (const file of [...modulesLoadedBy(entries)].sort()) {
    for (const schema of schemasTouchedBy(withoutComments(readFileSync(file, "utf8")))) {
      if (schema !== subgraph) (touched[schema] ??= []).push(relative(ROOT, file));
    }
  }
  return touched;
}

describe("each subgraph's code touches only its own schema", () => {
  it.each(SUBGRAPH_NAMES)("%s: no other subgraph's schema", (subgraph) => {
    expect(foreignSchemasOf(subgraph)).toEqual({});
  });

  it("sees a table named in SQL, an entity declared, and an import followed, and not a comment, a type-only import or a property", () => {
    expect(schemasTouchedBy(`await m.query("SELECT 1 FROM governance.relationship WHERE id = $1")`)).toEqual(["governance"]);
    expect(schemasTouchedBy(`UPDATE victims."case" SET`)).toEqual(["victims"]);
    expect(schemasTouchedBy(`@Entity({ schema: "partners", name: "referral" })`)).toEqual(["partners"]);
    expect(schemasTouchedBy(`config.subgraphPorts.victims.toString(); governance.length(); "police.uk"`)).toEqual([]);
    expect(schemasTouchedBy(withoutComments(`// reads governance.consent\n/* and insights.refresh_run */ const x = 1;`))).toEqual([]);
    const victims = modulesLoadedBy([join(ROOT, "src", "subgraphs", "victims", "index.ts")]);
    expect(victims.has(join(ROOT, "src", "subgraphs", "victims", "cases", "case.entity.ts"))).toBe(true);
    expect([...victims].some((file) => file.includes(`${join("src", "subgraphs", "partners")}`))).toBe(false);
  });
});
