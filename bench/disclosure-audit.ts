import "reflect-metadata";
import { execSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { commissionerFamily, DisclosureAuditReport, runDisclosureAudit } from "./disclosure-tables";
import { AUDITOR_HEADING } from "./results-file";

/**
 * `npm run audit:disclosure [-- --threshold N] [--referrals N] [--no-write]`:
 * starts a test hub over the synthetic facts, asks the commissioner's family
 * of overlapping evidence-base tables (bench/disclosure-tables.ts, over 200)
 * through the gateway, and reports how narrowly they pin any protected cell
 * (true count 1 … minimumCount − 1) against the threshold (the rule's
 * minimumCount − 1 unless given). Prints the result and replaces the
 * "## Disclosure auditor" section of bench/results.md, leaving the other
 * sections as they are; refuses to write it if any table query errored, since
 * an audit of fewer tables than asked understates what a caller can learn.
 * Exits 1 when a protected cell is pinned narrower than the threshold.
 */
const RESULTS = join(__dirname, "results.md");
const HEADING = AUDITOR_HEADING;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<number> {
  const threshold = arg("threshold") === undefined ? undefined : Number(arg("threshold"));
  // The hub's own default outside tests (src/platform/config.ts); tests use 400.
  const referrals = arg("referrals") ?? "2000";
  const { startTestHub } = await import("../test/support/hub");
  const { OrganisationCode } = await import("../src/platform/domain");
  const { Purpose, Role } = await import("../src/platform/principal");
  const started = Date.now();
  const hub = await startTestHub({ INSIGHTS_FACT_SOURCES: "synthetic", INSIGHTS_SYNTHETIC_REFERRALS: referrals });
  let report: DisclosureAuditReport;
  try {
    const headers = await hub.as({ organisation: OrganisationCode.GMCA, roles: [Role.COMMISSIONER], purpose: Purpose.COMMISSIONING });
    let shown = 0;
    const progress = (done: number, of: number) => {
      // A line every 5% on stderr: the LPs are most of a run's minutes.
      if (done === of || done >= shown + of / 20) {
        shown = done;
        process.stderr.write(`protected cells bounded: ${done} of ${of} (${Math.round((Date.now() - started) / 1000)} s)\n`);
      }
    };
    report = await runDisclosureAudit({ url: hub.url, headers, query: (sql, params) => hub.db.dataSource.query(sql, params), requests: commissionerFamily(), threshold, progress });
  } finally {
    await hub.close();
  }
  const seconds = (Date.now() - started) / 1000;
  const section = render(report, referrals, seconds);
  process.stdout.write(`${section}\n`);
  if (report.errors.length) {
    process.stderr.write(`not writing ${RESULTS}: ${report.errors.length} table queries errored:\n`);
    for (const e of report.errors) process.stderr.write(`  - ${e.request.measure} by [${e.request.by.join(", ")}] ${JSON.stringify(e.request.filter)}: ${e.message}\n`);
    return 2;
  }
  if (!process.argv.includes("--no-write")) {
    writeSection(section);
    process.stdout.write(`(section "${HEADING}" written to ${RESULTS})\n`);
  }
  return report.leaks > 0 ? 1 : 0;
}

function render(report: DisclosureAuditReport, referrals: string, seconds: number): string {
  const n = report.narrowest;
  const [one, five, fifteen] = loadavg().map((l) => l.toFixed(1));
  const commit = (() => {
    try {
      return execSync("git rev-parse --short HEAD", { cwd: __dirname, encoding: "utf8" }).trim();
    } catch {
      return "unknown";
    }
  })();
  const verdict = report.leaks
    ? `**Leak: ${report.leaks} of ${report.protectedCells} protected cells are pinned narrower than the threshold, ${report.pinnedExactly} of them exactly.**`
    : `No protected cell is pinned narrower than the threshold.`;
  const lines = [
    HEADING,
    "",
    `Written by \`npm run audit:disclosure\` (bench/disclosure-audit.ts) on ${new Date().toISOString()}, commit ${commit}, in ${seconds.toFixed(0)} s ` +
      `(asking ${report.seconds.ask.toFixed(1)} s, oracle SQL ${report.seconds.oracle.toFixed(1)} s, LPs ${report.seconds.lp.toFixed(1)} s).`,
    "",
    `- Machine: ${cpus().length} cores, Node ${process.version}; load average at the end of the run ${one} / ${five} / ${fifteen} (1 / 5 / 15 min).`,
    `- Data: a test hub (embedded PGlite) over ${referrals} synthetic referrals, their entitlements, the DASH and S-DASH assessments and MARAC referrals of the partners' domestic abuse and stalking referrals, the DAPNs, DAPOs and SPOs on police-referred domestic abuse and stalking crimes, the cope-and-recover outcomes of victims partners accepted, and the NRM referrals, Duty to Notify returns and place-of-safety stays of survivors Challenger accepted (INSIGHTS_FACT_SOURCES=synthetic).`,
    `- Rule: ${report.rule.id}, minimumCount ${report.rule.minimumCount}, maximumPerturbation ${report.rule.maximumPerturbation ?? "not published (exact counts: 0)"}; threshold ${report.threshold}.`,
    `- Asked as a GMCA commissioner through the gateway: ${report.tables} tables (bench/disclosure-tables.ts commissionerFamily: every pair of borough, ethnic group, sex and disability, value sets with their complements, quarters and overlapping half-years, the borough total against the same borough filtered to every other ethnic group, Victims' Code compliance by borough and disability, and the risk family: risk assessments by borough, tool and level with each level's complement, and MARAC referrals under the ethnic-group differencing attack; and the orders family: protective orders by borough, kind and outcome with each outcome's and kind's complement, by quarter, and under the ethnic-group differencing attack; and the outcomes family: the cope-and-recover rate by area with borough, sex and disability, each borough against the rest, by quarter, and under the ethnic-group differencing attack; and the modern-slavery family: NRM submissions by borough and kind, by quarter and calendar year, by decision stage as it is served (with kind only, for Greater Manchester, for all time and each calendar year) with each stage's and kind's complement, and under the ethnic-group differencing attack, and place-of-safety stays by borough and length with each length's complement, by sex and by quarter), ${report.cells} count cells; ` +
      `with them, ${report.numeratorTables} tables of the rates' numerators (shown rate × shown denominator: bench/disclosure-auditor.ts numeratorTable), audited as counts of their own.`,
    `- Protected cells (true count 1 to ${report.rule.minimumCount - 1}, from SQL over the fact tables): ${report.protectedCells}.`,
    `- LP per population: ${report.populations.map((p) => `${p.population}: ${p.tables} tables over ${p.dimensions.join(" × ")}, ${p.variables} finest cells (${p.variablesKeptAfterZeros} not proven zero), ${p.constraints} constraints, ${p.lpSolves} solves`).join("; ")}.`,
    "",
    verdict,
    "",
    `Each table on its own (suppression within one table, no differencing across tables): ${report.withinOneTable.leaks} of ${report.protectedCells} protected cells are narrower than the threshold, ${report.withinOneTable.pinnedExactly} pinned exactly` +
      (report.withinOneTable.narrowest && report.withinOneTable.pinnedExactly
        ? `; for example ${report.withinOneTable.narrowest.describe}, true count ${report.withinOneTable.narrowest.trueCount}, pinned to [${report.withinOneTable.narrowest.min}, ${report.withinOneTable.narrowest.max}].`
        : "."),
    "",
    n
      ? `Narrowest interval: width ${n.width} against the threshold ${report.threshold}: ${n.describe}; true count ${n.trueCount}, pinned to [${n.min}, ${n.max}]${n.alone ? ` (its own table alone: [${n.alone.min}, ${n.alone.max}])` : ""}.`
      : "No protected cell.",
    ...(report.trueCountOutside.length ? ["", `**Auditor error: ${report.trueCountOutside.length} protected cells' true counts fall outside their intervals.**`] : []),
    "",
  ];
  return lines.join("\n");
}

/** Replaces the section from its heading to the next "## " heading (or the end), or appends it; other sections untouched. */
export function replaceSection(markdown: string, section: string): string {
  const lines = markdown.split("\n");
  const start = lines.findIndex((l) => l.trim() === HEADING);
  if (start < 0) return `${markdown.replace(/\n*$/, "")}\n\n${section.replace(/\n*$/, "")}\n`;
  let end = lines.findIndex((l, i) => i > start && l.startsWith("## "));
  if (end < 0) end = lines.length;
  const after = lines.slice(end).join("\n");
  return [...lines.slice(0, start), section.replace(/\n*$/, ""), ...(after ? ["", after] : [""])].join("\n");
}

function writeSection(section: string): void {
  const markdown = existsSync(RESULTS) ? readFileSync(RESULTS, "utf8") : "";
  writeFileSync(RESULTS, replaceSection(markdown, section));
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(2);
    },
  );
}
