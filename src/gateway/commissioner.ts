import type { Express, Request, Response } from "express";
import { getNamedType, getNullableType, GraphQLEnumType, GraphQLInputObjectType, GraphQLSchema, isEnumType, isListType } from "graphql";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SCHEMA_DIR } from "./compose";
import { assetRoute, CSS, EXPLORER_CSP, JS, packageRoot } from "./explorer";
import { apiSchemaOf } from "./operations-check";
import { readManifest } from "./persisted-manifest";
import { MANIFEST_PATH } from "./safelist";

/**
 * The commissioner's page: pick a measure, up to two dimensions, a period
 * and a filter; see a chart and the table with hidden cells marked and
 * explained; download the CSV. A static page and its script, with Chart.js,
 * all served from our own origin (it works with no internet, under a
 * Content-Security-Policy of 'self' only). It holds no data of its own and
 * no privilege: it asks the gateway's GraphQL with the caller's token, so a
 * commissioner sees exactly what the API gives them and anyone else what the
 * API refuses. Off in production unless COMMISSIONER_PAGE says otherwise.
 *
 * The CSV is a plain GET, `/evidence-base.csv?measure=…&by=…&boroughs=…`,
 * with the same bearer token: it runs the persisted EvidenceBaseCsv
 * operation through the gateway's own /graphql, so the same authorisation,
 * limits and disclosure control apply, and answers 400, 401 or 403 as the
 * API did.
 */

export const COMMISSIONER_PATH = "/commissioner";
export const CSV_PATH = "/evidence-base.csv";
const ASSETS_PATH = `${COMMISSIONER_PATH}/assets`;

/** The page's files: Chart.js's browser build (its package exports no dist path, so found from its folder) and our own. */
function assetFiles(): Map<string, { contentType: string; path: string }> {
  const chartJs = packageRoot("chart.js");
  const files = [
    { name: "chart.umd.min.js", contentType: JS, path: chartJs && join(chartJs, "dist", "chart.umd.min.js") },
    { name: "commissioner.js", contentType: JS, path: join(__dirname, "commissioner", "commissioner.js") },
    { name: "commissioner.css", contentType: CSS, path: join(__dirname, "commissioner", "commissioner.css") },
  ];
  return new Map(files.flatMap((f) => (f.path && existsSync(f.path) ? [[f.name, { contentType: f.contentType, path: f.path }] as const] : [])));
}

export function commissionerPage(): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Casebridge evidence base</title>
    <link rel="stylesheet" href="${ASSETS_PATH}/commissioner.css" />
  </head>
  <body>
    <header>
      <h1>Evidence base</h1>
      <p>Aggregates of victims' referrals, waits, outcomes and Victims' Code compliance across Greater Manchester, under disclosure control. Synthetic data outside production.</p>
    </header>
    <form id="ask">
      <fieldset>
        <legend>Your token</legend>
        <label>Bearer token <input name="token" type="password" autocomplete="off" required placeholder="npm run -s token -- --org GMCA --role commissioner --purpose commissioning" /></label>
      </fieldset>
      <fieldset>
        <legend>What to show</legend>
        <label>Measure <select name="measure" required></select></label>
        <label>Split by <select name="by1"><option value="">(nothing)</option></select></label>
        <label>and by <select name="by2"><option value="">(nothing)</option></select></label>
        <label>From month <input name="fromMonth" type="month" /></label>
        <label>To month <input name="toMonth" type="month" /></label>
        <label>Only where <select name="filterField"><option value="">(no filter)</option></select></label>
        <label>is one of <select name="filterValues" multiple size="4"></select></label>
      </fieldset>
      <button type="submit">Show</button>
      <button type="button" id="download" disabled>Download CSV</button>
      <output id="status" role="status"></output>
    </form>
    <p id="error" role="alert" hidden></p>
    <main id="result" hidden>
      <h2 id="title"></h2>
      <p id="description"></p>
      <div class="chart"><canvas id="chart" aria-label="Chart of the table below" role="img"></canvas></div>
      <table id="table"></table>
      <section id="explained">
        <h3>About these figures</h3>
        <dl id="reasons"></dl>
        <ul id="footnotes"></ul>
        <p>CSV from a plain URL, with the same token: <code id="csvUrl"></code></p>
      </section>
    </main>
    <script src="${ASSETS_PATH}/chart.umd.min.js"></script>
    <script src="${ASSETS_PATH}/commissioner.js"></script>
  </body>
</html>
`;
}

interface Choice {
  value: string;
  label: string;
}

/** What the page offers, from the committed supergraph (the gateway imports no subgraph code): measures, dimensions, filters and their values. */
export interface PageOptions {
  measures: Choice[];
  dimensions: Choice[];
  /** Each filter field of EvidenceFilter with a fixed set of values; `boolean` where it takes one yes or no rather than a list. */
  filters: { field: string; label: string; boolean: boolean; values: Choice[] }[];
  operations: { evidenceBase: string; evidenceBaseCsv: string };
}

const labelOf = (name: string) => name.charAt(0) + name.slice(1).toLowerCase().replace(/_/g, " ");
const choices = (type: GraphQLEnumType): Choice[] => type.getValues().map((v) => ({ value: v.name, label: labelOf(v.name) }));

/** A persisted operation's text exactly as the manifest has it, so the safelist (on in production) admits it by its hash. */
function operationText(name: string): string {
  const text = Object.values(readManifest(MANIFEST_PATH)).find((t) => t.startsWith(`query ${name}(`));
  if (!text) throw new Error(`no persisted operation ${name}: add it under schema/operations and run npm run codegen`);
  return text;
}

export function pageOptions(schema: GraphQLSchema): PageOptions {
  const filter = schema.getType("EvidenceFilter") as GraphQLInputObjectType;
  const filters = Object.values(filter.getFields()).flatMap((field) => {
    const type = getNamedType(field.type);
    const label = labelOf(field.name.replace(/([A-Z])/g, "_$1").toUpperCase());
    if (isEnumType(type)) return [{ field: field.name, label, boolean: false, values: choices(type) }];
    if (type.name === "Boolean") return [{ field: field.name, label, boolean: true, values: [{ value: "true", label: "Yes" }, { value: "false", label: "No" }] }];
    return [];
  });
  return {
    measures: choices(schema.getType("Measure") as GraphQLEnumType),
    dimensions: choices(schema.getType("Dimension") as GraphQLEnumType),
    filters,
    operations: { evidenceBase: operationText("EvidenceBase"), evidenceBaseCsv: operationText("EvidenceBaseCsv") },
  };
}

/** What a GraphQL error code means as an HTTP status for the CSV. */
const STATUS_OF: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, INVALID_INPUT: 400, BAD_USER_INPUT: 400, GRAPHQL_VALIDATION_FAILED: 400, BAD_REQUEST: 400 };

/** The query string as the operation's variables, against EvidenceFilter's fields; a name it does not know is an error, not ignored. */
export function csvVariables(query: Request["query"], schema: GraphQLSchema): { variables: Record<string, unknown> } | { error: string } {
  const filterFields = (schema.getType("EvidenceFilter") as GraphQLInputObjectType).getFields();
  const list = (value: unknown): string[] =>
    (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(",")).map((v) => v.trim()).filter(Boolean);
  const variables: Record<string, unknown> = { by: [] };
  const filter: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(query)) {
    if (name === "measure") {
      const [measure, ...more] = list(raw);
      if (!measure || more.length) return { error: "measure: give exactly one" };
      variables.measure = measure;
    } else if (name === "by") {
      variables.by = list(raw);
    } else if (filterFields[name]) {
      // As the field's type takes it: a list (boroughs=BURY,WIGAN), a yes or no, or one value (fromMonth=2026-01).
      const type = filterFields[name].type;
      if (isListType(getNullableType(type))) {
        filter[name] = list(raw);
      } else if (getNamedType(type).name === "Boolean") {
        if (raw !== "true" && raw !== "false") return { error: `${name}: true or false` };
        filter[name] = raw === "true";
      } else {
        filter[name] = String(raw);
      }
    } else {
      return { error: `unknown parameter ${name}: use measure, by or one of ${Object.keys(filterFields).join(", ")}` };
    }
  }
  if (variables.measure === undefined) return { error: "measure is required" };
  if (Object.keys(filter).length) variables.filter = filter;
  return { variables };
}

/** Routes for `serve({ routes })`: the CSV always; the page and its assets where `enabled`. */
export function commissionerRoutes(options: { enabled: boolean; graphqlUrl: () => string }): (app: Express) => void {
  let schema: GraphQLSchema | undefined;
  const api = () => (schema ??= apiSchemaOf(readFileSync(join(SCHEMA_DIR, "supergraph.graphql"), "utf8")));
  let options_: PageOptions | undefined;
  const offered = () => (options_ ??= pageOptions(api()));
  return (app) => {
    app.get(CSV_PATH, async (req: Request, res: Response) => {
      res.setHeader("cache-control", "no-store");
      const parsed = csvVariables(req.query, api());
      if ("error" in parsed) {
        res.status(400).type("text/plain").send(`${parsed.error}\n`);
        return;
      }
      const answer = await fetch(options.graphqlUrl(), {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
          ...(typeof req.headers["x-request-id"] === "string" ? { "x-request-id": req.headers["x-request-id"] } : {}),
        },
        body: JSON.stringify({ query: offered().operations.evidenceBaseCsv, variables: parsed.variables }),
      });
      const body = (await answer.json().catch(() => ({}))) as { data?: { evidenceBaseCsv?: string | null } | null; errors?: { message: string; extensions?: { code?: string; reason?: string } }[] };
      const csv = body.data?.evidenceBaseCsv;
      if (typeof csv === "string" && !body.errors?.length) {
        const name = [String(parsed.variables.measure), ...(parsed.variables.by as string[])].join("-").toLowerCase();
        res.setHeader("content-disposition", `attachment; filename="evidence-base-${name.replace(/[^a-z0-9-]/g, "")}.csv"`);
        res.type("text/csv; charset=utf-8").send(csv);
        return;
      }
      const error = body.errors?.[0];
      const code = error?.extensions?.code ?? "";
      res
        .status(STATUS_OF[code] ?? (answer.ok ? 502 : answer.status))
        .type("text/plain")
        .send(`${error?.message ?? "The evidence base did not answer"}${error?.extensions?.reason ? ` (${error.extensions.reason})` : ""}\n`);
    });
    if (!options.enabled) return;
    const page = commissionerPage();
    app.get(COMMISSIONER_PATH, (_req: Request, res: Response) => {
      res.setHeader("content-security-policy", EXPLORER_CSP);
      res.setHeader("x-content-type-options", "nosniff");
      res.setHeader("cache-control", "no-store");
      res.type("text/html").send(page);
    });
    app.get(`${COMMISSIONER_PATH}/options.json`, (_req: Request, res: Response) => {
      res.setHeader("cache-control", "no-store");
      res.json(offered());
    });
    assetRoute(app, ASSETS_PATH, assetFiles());
  };
}
