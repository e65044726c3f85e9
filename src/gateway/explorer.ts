import express, { type Express, type NextFunction, type Request, type Response } from "express";
import { introspectionFromSchema } from "graphql";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { OrganisationCode } from "../platform/domain";
import { Purpose, Role } from "../platform/principal";
import { SCHEMA_DIR } from "./compose";
import { apiSchemaOf, readOperations } from "./operations-check";

/**
 * The GraphQL explorer the gateway serves in development: GraphiQL at
 * /explorer (and for a browser opening /graphql), with every script and
 * stylesheet served from our own origin out of node_modules, so it works with
 * the network cut off and under a Content-Security-Policy of 'self' only.
 * Never served in production.
 */

export const EXPLORER_PATH = "/explorer";
const ASSETS_PATH = `${EXPLORER_PATH}/assets`;

/** What the explorer needs installed (dev dependencies); GraphiQL 3 is the last with a browser (UMD) build. */
export const EXPLORER_PACKAGES = { graphiql: "3.8.3", react: "18.3.1", "react-dom": "18.3.1" } as const;

/** The page's policy: scripts, styles and requests to our origin only; fonts and icons GraphiQL inlines as data: URIs. */
export const EXPLORER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

interface Asset {
  name: string;
  contentType: string;
  /** Package in node_modules and the file inside it, or undefined for our own files beside this one. */
  packageName?: keyof typeof EXPLORER_PACKAGES;
  file: string;
}

export const JS = "application/javascript; charset=utf-8";
export const CSS = "text/css; charset=utf-8";

/**
 * Serves a page's own files at `${path}/:name`, only those listed, by name:
 * nothing else on disk is reachable.
 */
export function assetRoute(app: Express, path: string, files: ReadonlyMap<string, { contentType: string; path: string }>): void {
  app.get(`${path}/:name`, (req: Request, res: Response) => {
    const asset = files.get(String(req.params.name));
    if (!asset) {
      res.status(404).type("text/plain").send("Not found");
      return;
    }
    res.setHeader("content-type", asset.contentType);
    res.setHeader("x-content-type-options", "nosniff");
    res.setHeader("cache-control", "public, max-age=3600");
    res.send(readFileSync(asset.path));
  });
}
const ASSETS: readonly Asset[] = [
  { name: "graphiql.min.css", contentType: CSS, packageName: "graphiql", file: "graphiql.min.css" },
  { name: "explorer.css", contentType: CSS, file: "explorer.css" },
  { name: "react.production.min.js", contentType: JS, packageName: "react", file: "umd/react.production.min.js" },
  { name: "react-dom.production.min.js", contentType: JS, packageName: "react-dom", file: "umd/react-dom.production.min.js" },
  { name: "graphiql.min.js", contentType: JS, packageName: "graphiql", file: "graphiql.min.js" },
  { name: "explorer.js", contentType: JS, file: "explorer.js" },
];

/** A package's folder, found from its entry point (these packages do not all export their package.json or UMD files). */
export function packageRoot(name: string): string | undefined {
  let dir: string;
  try {
    dir = dirname(require.resolve(name));
  } catch {
    return undefined;
  }
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === name) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function resolveAssets(): { files: Map<string, Asset & { path: string }>; missing: string[] } {
  const files = new Map<string, Asset & { path: string }>();
  const missing = new Set<string>();
  for (const asset of ASSETS) {
    const base = asset.packageName ? packageRoot(asset.packageName) : join(__dirname, "explorer");
    const path = base && join(base, asset.file);
    if (path && existsSync(path)) files.set(asset.name, { ...asset, path });
    else missing.add(asset.packageName ? `${asset.packageName}@${EXPLORER_PACKAGES[asset.packageName]}` : asset.name);
  }
  return { files, missing: [...missing] };
}

export function explorerPage(graphqlPath: string): string {
  const stylesheets = ASSETS.filter((a) => a.contentType === CSS).map((a) => `    <link rel="stylesheet" href="${ASSETS_PATH}/${a.name}" />`);
  const scripts = ASSETS.filter((a) => a.contentType === JS).map((a) => `    <script src="${ASSETS_PATH}/${a.name}"></script>`);
  return [
    "<!doctype html>",
    '<html lang="en">',
    "  <head>",
    '    <meta charset="utf-8" />',
    '    <meta name="viewport" content="width=device-width, initial-scale=1" />',
    "    <title>Casebridge GraphQL explorer (development)</title>",
    ...stylesheets,
    "  </head>",
    "  <body>",
    '    <form id="principal" class="principal" hidden>',
    '      <label>Organisation <select name="organisation"></select></label>',
    '      <label>Role <select name="role"></select></label>',
    '      <label>Purpose <select name="purpose"></select></label>',
    '      <button type="submit">Use a development token</button>',
    '      <output name="status"></output>',
    "    </form>",
    `    <div id="graphiql" data-endpoint="${graphqlPath}" data-explorer="${EXPLORER_PATH}">Loading the explorer…</div>`,
    ...scripts,
    "  </body>",
    "</html>",
    "",
  ].join("\n");
}

const wantsHtml = (req: Request) => req.method === "GET" && (req.headers.accept ?? "").includes("text/html");

/**
 * Routes for `serve({ routes })`. In development: the explorer page, its
 * assets, and a browser opening /graphql sent on to it. In production: a
 * browser opening /graphql gets 404 rather than Apollo's landing page, which
 * would load scripts from a CDN.
 */
/** Signs a development token for the picker; absent where tokens come from an identity provider. */
export type DevTokenIssuer = (principal: { organisation: OrganisationCode; role: Role; purpose: Purpose }) => Promise<string>;

/**
 * What the explorer shows before anyone has a token: the schema clients see,
 * with every field's description (its data category included), built from
 * the committed supergraph; and the committed operations, each a tab.
 */
function firstRunData(): { introspection: unknown; operations: { name: string; query: string }[] } {
  const schema = apiSchemaOf(readFileSync(join(SCHEMA_DIR, "supergraph.graphql"), "utf8"));
  return {
    introspection: introspectionFromSchema(schema, { descriptions: true }),
    operations: readOperations().map(({ file, text }) => ({ name: file.replace(/\.graphql$/, ""), query: text })),
  };
}

export function explorerRoutes(options: { development: boolean; graphqlPath?: string; issueDevToken?: DevTokenIssuer }): (app: Express) => void {
  const graphqlPath = options.graphqlPath ?? "/graphql";
  return (app) => {
    const hasOperation = (req: Request) => /[?&](query|extensions)=/.test(req.url);
    if (!options.development) {
      app.get(graphqlPath, (req: Request, res: Response, next: NextFunction) => {
        if (wantsHtml(req) && !hasOperation(req)) res.status(404).type("text/plain").send("Not found");
        else next();
      });
      return;
    }
    const { files, missing } = resolveAssets();
    const page = explorerPage(graphqlPath);
    app.get(graphqlPath, (req: Request, res: Response, next: NextFunction) => {
      if (wantsHtml(req) && !hasOperation(req)) res.redirect(302, EXPLORER_PATH);
      else next();
    });
    app.get(EXPLORER_PATH, (_req: Request, res: Response) => {
      res.setHeader("content-security-policy", EXPLORER_CSP);
      res.setHeader("x-content-type-options", "nosniff");
      res.setHeader("cache-control", "no-store");
      if (missing.length) {
        res
          .status(503)
          .type("text/plain")
          .send(`The explorer needs ${missing.join(", ")} (dev dependencies): npm install --save-dev --save-exact ${missing.join(" ")}\n`);
        return;
      }
      res.type("text/html").send(page);
    });
    let data: ReturnType<typeof firstRunData> | undefined;
    const firstRun = () => (data ??= firstRunData());
    // The schema without a token: it is the committed one, public in the repository; the data behind it still needs a token.
    app.get(`${EXPLORER_PATH}/schema.json`, (_req: Request, res: Response) => {
      res.setHeader("cache-control", "no-store");
      res.json(firstRun().introspection);
    });
    app.get(`${EXPLORER_PATH}/operations.json`, (_req: Request, res: Response) => {
      res.setHeader("cache-control", "no-store");
      res.json(firstRun().operations);
    });
    app.get(`${EXPLORER_PATH}/principals.json`, (_req: Request, res: Response) => {
      res.json({ organisations: Object.values(OrganisationCode), roles: Object.values(Role), purposes: Object.values(Purpose), tokens: Boolean(options.issueDevToken) });
    });
    app.post(`${EXPLORER_PATH}/token`, express.json({ limit: "1kb" }), async (req: Request, res: Response) => {
      // JSON only: a form on another site cannot send it without a preflight this server does not answer.
      if (!options.issueDevToken || !req.is("application/json")) {
        res.status(404).type("text/plain").send("Not found");
        return;
      }
      const { organisation, role, purpose } = (req.body ?? {}) as Record<string, unknown>;
      const valid =
        Object.values(OrganisationCode).includes(organisation as OrganisationCode) &&
        Object.values(Role).includes(role as Role) &&
        Object.values(Purpose).includes(purpose as Purpose);
      if (!valid) {
        res.status(400).json({ error: "organisation, role and purpose must each be one of /explorer/principals.json's" });
        return;
      }
      res.setHeader("cache-control", "no-store");
      res.json({ token: await options.issueDevToken({ organisation: organisation as OrganisationCode, role: role as Role, purpose: purpose as Purpose }) });
    });
    assetRoute(app, ASSETS_PATH, files);
  };
}
