/**
 * `npm run example:case-view -- [--case <id>] [--org PANKHURST]`: a front end's
 * first screen. Logs in with a dev token, runs the shared case view through
 * the typed SDK, prints the case and, for every field that came back null,
 * why (withheld and the refusal reason, or a source that did not answer).
 *
 * With `npm start` running, try Client M as a Restore advocate (she consented):
 *   npm run example:case-view -- --org PANKHURST --case 5eed0000-0000-4000-8000-000000000001
 * then a case Pankhurst has no relationship with: "No case", exactly what an
 * id that does not exist gives (Pankhurst may not know the case exists):
 *   npm run example:case-view -- --org PANKHURST --case 5eed0000-0000-4000-8000-000000000002
 *
 * It finds the hub where `npm start` puts it: CASEBRIDGE_URL, else
 * http://localhost:$PORT/graphql (PORT as the hub reads it, 4000 unset), or --url.
 */
import { parseArgs } from "node:util";
import { CaseViewDocument, type CaseViewQuery, createClient, nullFields, type NullField } from "../src/sdk";

export interface CaseViewReport {
  /** Typed by the operation in schema/operations/case-view.graphql. */
  case: CaseViewQuery["case"];
  /** Every null in the answer, each with the typed error that explains it (or none: simply empty). */
  missing: NullField[];
}

/** Where the hub is: CASEBRIDGE_URL, else the gateway's PORT on this machine, as `npm start` serves it. */
export function hubUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.CASEBRIDGE_URL || `http://localhost:${env.PORT || 4000}/graphql`;
}

/** fetch's own "fetch failed" says nothing of where or why; undici keeps the reason (ECONNREFUSED, ...) in `cause`. */
function unreachable(url: string, error: unknown): Error | undefined {
  // Compared by name and message: fetch's TypeError may come from another realm (a test runner's sandbox).
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  if (name !== "TypeError" || message !== "fetch failed") return undefined;
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  const why = typeof cause?.code === "string" ? cause.code : typeof cause?.message === "string" ? cause.message : "no answer";
  return new Error(`Could not reach ${url} (${why}): is the hub running at ${url}? Start it with \`npm start\`, or set CASEBRIDGE_URL (or PORT) to where it runs.`);
}

/** The core of the screen: one typed operation, its nulls paired with their reasons. */
export async function loadCaseView(url: string, token: string, caseId: string): Promise<CaseViewReport> {
  const client = createClient({ url, token });
  const result = await client.execute(CaseViewDocument, { id: caseId }).catch((error: unknown) => {
    throw unreachable(url, error) ?? error;
  });
  const requestErrors = result.errors.filter((e) => !e.path);
  if (requestErrors.length) throw new Error(requestErrors.map((e) => `${e.code}: ${e.message}`).join("\n"));
  return { case: result.data?.case ?? null, missing: nullFields(result) };
}

/** What the screen would say about each missing field; the `switch` is exhaustive over the typed codes. */
export function explainMissing({ path, error }: NullField): string {
  const field = path.join(".");
  if (!error) return `${field}: not recorded`;
  switch (error.code) {
    case "FORBIDDEN":
      // error.reason is typed: NO_RELATIONSHIP | NO_AGREEMENT | NO_CONSENT | CONSENT_WITHDRAWN | ...
      return `${field}: withheld (${error.reason})`;
    case "SOURCE_UNAVAILABLE":
      return `${field}: ${error.source} did not answer; try again later`;
    case "NOT_FOUND":
      return `${field}: not found`;
    default:
      return `${field}: ${error.code}: ${error.message}`;
  }
}

export function describeCaseView(report: CaseViewReport): string {
  const lines: string[] = [];
  const kase = report.case;
  if (kase) {
    lines.push(`Case ${kase.caseReference} (${kase.status ?? "status withheld"}), ${kase.borough ?? "borough withheld"}`);
    if (kase.crime) lines.push(`  Crime ${kase.crime.crimeReference}: ${kase.crime.offenceDescription ?? "-"} [${kase.crime.status ?? "-"}]`);
    for (const episode of kase.episodes) lines.push(`  Episode: ${episode.provider ?? "-"} ${episode.service ?? ""} ${episode.status ?? "-"}`);
  } else {
    lines.push("No case");
  }
  if (report.missing.length) {
    lines.push("Missing:");
    for (const item of report.missing) lines.push(`  ${explainMissing(item)}`);
  }
  return lines.join("\n");
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      case: { type: "string", default: "5eed0000-0000-4000-8000-000000000001" },
      org: { type: "string", default: "PANKHURST" },
      url: { type: "string", default: hubUrl() },
    },
  });
  // A real front end gets its token from the identity provider; in development
  // `npm run token` signs one with the local dev key pair, as we do here.
  const token = process.env.CASEBRIDGE_TOKEN ?? (await devToken(values.org as string));
  process.stdout.write(`${describeCaseView(await loadCaseView(values.url as string, token, values.case as string))}\n`);
}

async function devToken(org: string): Promise<string> {
  const [{ signDevToken }, { loadConfig }, { Purpose, Role }, { OrganisationCode }] = await Promise.all([
    import("../src/platform/auth"),
    import("../src/platform/config"),
    import("../src/platform/principal"),
    import("../src/platform/domain"),
  ]);
  const organisation = Object.values(OrganisationCode).find((code) => code === org);
  if (!organisation) throw new Error(`--org must be one of ${Object.values(OrganisationCode).join(", ")}`);
  const config = loadConfig();
  return signDevToken(config.auth, { subject: `example-${org.toLowerCase()}`, organisation, roles: [Role.CASEWORKER], purpose: Purpose.SUPPORT });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
