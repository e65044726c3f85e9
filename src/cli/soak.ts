import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HubOptions, startHub } from "../hub";
import { signDevToken } from "../platform/auth";
import { loadConfig } from "../platform/config";
import { OrganisationCode } from "../platform/domain";
import { createLogger } from "../platform/logger";
import { Principal, Purpose, Role } from "../platform/principal";
import { SYNTHETIC_CASE_IDS } from "../platform/synthetic";
import { AuditEvent, verifyChain } from "../policy/audit";
import { readAuditChain } from "../subgraphs/governance/audit/chain";

/**
 * `npm run soak`: the whole hub on loopback under a bounded mixed workload,
 * then three checks: no unexpected error, every audit event each operation
 * implies is in the chain, and the chain verifies. Workers act as GMVS,
 * Pankhurst and GMP staff: GMVS takes self-referrals, assesses needs,
 * records contacts, records and withdraws consents and sends referrals;
 * Pankhurst receives, accepts or declines them (or GMVS withdraws them);
 * everyone reads the shared case view. A refusal the access rules are meant
 * to give (FORBIDDEN on a read, e.g. after a withdrawal) is counted apart
 * and is not an error.
 *
 * SOAK_SECONDS (default 60) and SOAK_OPERATIONS (default 5,000) bound the
 * run, whichever comes first; SOAK_WORKERS (default 4) run at once.
 * DATABASE_URL names a PostgreSQL server; unset, the hub runs on PGlite.
 */

export interface SoakOptions {
  seconds: number;
  operations: number;
  workers: number;
  /** A PostgreSQL server; undefined: embedded PGlite. */
  databaseUrl?: string;
  /** In-process only, for tests: the run's store templates, as startHub takes them. */
  templates?: Pick<HubOptions, "pgliteTemplate" | "emptyDataDir">;
  /** Called every `progressEveryMs` with a one-line summary. */
  progress?: (line: string) => void;
  progressEveryMs?: number;
}

export type OperationKind =
  | "selfRefer"
  | "recordNeedsAssessment"
  | "recordContact"
  | "recordConsent"
  | "referToService"
  | "receiveReferral"
  | "acceptReferral"
  | "declineReferral"
  | "withdrawReferral"
  | "withdrawConsent"
  | "readCaseView";

export interface OperationTally {
  count: number;
  errors: number;
  /** FORBIDDEN answers the access rules are meant to give (reads only). */
  refusals: number;
  totalMs: number;
  maxMs: number;
}

export interface SoakResult {
  elapsedMs: number;
  operations: number;
  byKind: Record<OperationKind, OperationTally>;
  /** Each unexpected error, at most the first 20, for the report. */
  errors: string[];
  errorCount: number;
  /** Operations whose implied audit events are not all in the chain. */
  missingAudit: string[];
  auditEvents: number;
  chainProblem: string | null;
  ok: boolean;
}

const KINDS: OperationKind[] = [
  "selfRefer",
  "recordNeedsAssessment",
  "recordContact",
  "recordConsent",
  "referToService",
  "receiveReferral",
  "acceptReferral",
  "declineReferral",
  "withdrawReferral",
  "withdrawConsent",
  "readCaseView",
];

/** The audit reason each write must leave under its request id (src/subgraphs/*: CaseFileChange, consentEvent, referralEvent). */
const AUDIT_REASON: Partial<Record<OperationKind, string>> = {
  selfRefer: "SELF_REFERRAL_RECEIVED",
  recordNeedsAssessment: "NEEDS_ASSESSED",
  recordContact: "CONTACT_RECORDED",
  recordConsent: "CONSENT_RECORDED",
  referToService: "REFERRAL_SENT",
  receiveReferral: "REFERRAL_RECEIVED",
  acceptReferral: "REFERRAL_ACCEPTED",
  declineReferral: "REFERRAL_DECLINED",
  withdrawReferral: "REFERRAL_WITHDRAWN",
  withdrawConsent: "CONSENT_WITHDRAWN",
};

/**
 * Where the access rules are meant to refuse some fields: reads (after a
 * withdrawal, a decline, or where no agreement covers a category), and a
 * decline's own answer (it ends the partner's relationship with the victim,
 * so the answer's fields are withheld from it: schema/partners.graphql).
 */
const REFUSAL_EXPECTED: ReadonlySet<OperationKind> = new Set(["readCaseView", "declineReferral"]);

/** Keys name a record without releasing anything about the person (src/policy/sensitive.ts). */
const KEY_FIELDS = new Set(["id", "caseReference", "crimeReference"]);

/** Whether an answer holds any value beyond keys: personal data released, which must have an ALLOW event. */
function releasesData(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.some(releasesData);
  if (typeof value === "object") return Object.entries(value).some(([field, v]) => !KEY_FIELDS.has(field) && releasesData(v));
  return true;
}

const CASE_VIEW = `query($id: ID!) { case(id: $id) {
  caseReference borough thematicLead status
  crime { crimeReference offenceDescription status }
  episodes { provider service }
  referrals { id status }
  needsAssessments { outcome }
} }`;

const SUPPORT_CATEGORIES = ["IDENTITY", "CONTACT", "ADDRESS", "CASE_NOTES", "SUPPORT"];

type GraphQLError = { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> };
type Body = { data?: Record<string, any> | null; errors?: GraphQLError[] };

/** What one operation did, for the audit check at the end. */
export interface Performed {
  kind: OperationKind;
  requestId: string;
  /** The audit reason a write implies. */
  expectReason?: string;
  /** Refusal reasons the answer gave; each must be audited as a DENY. */
  refusedReasons: string[];
  /** Whether a read released anything (a non-null field beyond the case reference). */
  released: boolean;
  /** Whether a read of a case the soak made answered null: the case withheld as if it did not exist, which must be audited as a DENY. */
  withheld: boolean;
}

class Stop extends Error {}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const config = loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "warn",
    HOST: "127.0.0.1",
    DATABASE_URL: options.databaseUrl ?? "",
    DEV_KEY_FILE: join(mkdtempSync(join(tmpdir(), "casebridge-soak-")), "dev-keys.json"),
    AUTH_DEV_KEYS: "true",
    OPERATIONS_SAFELIST: "false",
    INSIGHTS_PSEUDONYM_KEY: "soak-only-insights-pseudonym-key-00000000",
  });
  const hub = await startHub(config, createLogger(config.logLevel), { ...options.templates, ephemeralPorts: true });
  const url = hub.url;
  if (!/^http:\/\/(127\.0\.0\.1|\[::1\]|localhost)[:/]/.test(url)) throw new Error(`soak runs on loopback only, not ${url}`);

  const headersFor = async (principal: Pick<Principal, "organisation" | "subject">) => ({
    authorization: `Bearer ${await signDevToken(config.auth, { ...principal, roles: [Role.CASEWORKER], purpose: Purpose.SUPPORT })}`,
  });

  const byKind = Object.fromEntries(KINDS.map((k) => [k, { count: 0, errors: 0, refusals: 0, totalMs: 0, maxMs: 0 }])) as Record<OperationKind, OperationTally>;
  const performed: Performed[] = [];
  const errors: string[] = [];
  let errorCount = 0;
  let started = 0;
  const startedAt = performance.now();
  const deadline = startedAt + options.seconds * 1000;
  const out = (): boolean => started >= options.operations || performance.now() >= deadline;

  /** One operation over HTTP: counted, timed, classified. Throws Stop once the run is over, ending the worker's journey. */
  async function op(kind: OperationKind, headers: Record<string, string>, query: string, variables: Record<string, unknown>): Promise<Body | null> {
    if (out()) throw new Stop();
    started += 1;
    // The hub makes its own request id (a caller's x-request-id is kept apart, never correlated on); it comes back in the response header.
    let requestId = `unanswered-${randomUUID()}`;
    const tally = byKind[kind];
    tally.count += 1;
    const t0 = performance.now();
    let status = 0;
    let body: Body = {};
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(30_000),
      });
      status = response.status;
      requestId = response.headers.get("x-request-id") ?? requestId;
      body = (await response.json()) as Body;
    } catch (error) {
      body = { errors: [{ message: error instanceof Error ? error.message : String(error), extensions: { code: "NO_ANSWER" } }] };
    }
    const ms = performance.now() - t0;
    tally.totalMs += ms;
    tally.maxMs = Math.max(tally.maxMs, ms);

    const isRead = kind === "readCaseView";
    const refused = (body.errors ?? []).filter((e) => REFUSAL_EXPECTED.has(kind) && e.extensions?.code === "FORBIDDEN");
    const unexpected = (body.errors ?? []).filter((e) => !refused.includes(e));
    if (status !== 200 || unexpected.length > 0) {
      tally.errors += 1;
      errorCount += 1;
      if (errors.length < 20) errors.push(`${kind} ${requestId}: HTTP ${status} ${JSON.stringify(unexpected.map((e) => [e.path?.join("."), e.extensions?.code, e.message]))}`);
      return null;
    }
    const kase = isRead ? body.data?.case : undefined;
    // Every case the soak reads is one it made: null means withheld, not missing.
    const withheld = isRead && kase === null;
    if (refused.length || withheld) tally.refusals += 1;
    performed.push({
      kind,
      requestId,
      expectReason: AUDIT_REASON[kind],
      refusedReasons: [...new Set(refused.map((e) => String(e.extensions?.reason)))],
      released: isRead && releasesData(kase),
      withheld,
    });
    return body;
  }

  /** One victim's journey through GMVS and Pankhurst; each step is one operation. */
  async function journey(worker: number, n: number): Promise<void> {
    const gmvs = await headersFor({ organisation: OrganisationCode.GMVS, subject: `soak-gmvs-${worker}` });
    const pankhurst = await headersFor({ organisation: OrganisationCode.PANKHURST, subject: `soak-advocate-${worker}` });
    const gmp = await headersFor({ organisation: OrganisationCode.GMP, subject: `soak-officer-${worker}` });
    const tag = `${worker}x${n}x${randomUUID().slice(0, 6)}`;

    const referred = await op(
      "selfRefer",
      gmvs,
      `mutation($input: SelfReferralInput!) { selfRefer(input: $input) { case { id } } }`,
      { input: { victim: { givenName: "Test", familyName: `Person Soak ${tag}`, email: `soak.${tag}@example.invalid` }, borough: "OLDHAM" } },
    );
    const caseId = referred?.data?.selfRefer?.case?.id as string | undefined;
    // Reads of a seeded case between writes, by each organisation: Client M (GMVS's, with GMP's crime and Pankhurst's episode).
    await op("readCaseView", [gmvs, pankhurst, gmp][n % 3], CASE_VIEW, { id: SYNTHETIC_CASE_IDS.clientM });
    if (!caseId) return;
    await op(
      "recordNeedsAssessment",
      gmvs,
      `mutation($id: ID!) { recordNeedsAssessment(caseId: $id, input: { practical: LOW, emotional: MEDIUM, safety: HIGH, health: NONE, financial: NONE, communication: NONE, outcome: REFER_TO_SPECIALIST_SERVICE }) { id } }`,
      { id: caseId },
    );
    await op(
      "recordContact",
      gmvs,
      `mutation($id: ID!, $at: DateTimeISO!) { recordContact(caseId: $id, input: { occurredAt: $at, channel: PHONE, purpose: NEEDS_ASSESSMENT, summary: "Synthetic soak contact" }) { id } }`,
      { id: caseId, at: new Date().toISOString() },
    );
    const consent = await op("recordConsent", gmvs, `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }`, {
      input: { caseId, recipient: "PANKHURST", categories: SUPPORT_CATEGORIES, purposes: ["SUPPORT"] },
    });
    const consentId = consent?.data?.recordConsent?.id as string | undefined;
    if (!consentId) return;
    const sent = await op(
      "referToService",
      gmvs,
      `mutation($caseId: ID!, $consentId: ID) { referToService(caseId: $caseId, partner: PANKHURST, service: "Restore", categories: [IDENTITY, CONTACT, ADDRESS, CASE_NOTES, SUPPORT], consentId: $consentId, reason: "Synthetic soak referral") { id status } }`,
      { caseId, consentId },
    );
    const referralId = sent?.data?.referToService?.id as string | undefined;
    await op("readCaseView", gmvs, CASE_VIEW, { id: caseId });
    if (!referralId) return;
    const step = (name: OperationKind, headers: Record<string, string>, extra = "") =>
      op(name, headers, `mutation($id: ID!) { ${name}(id: $id${extra}) { id status } }`, { id: referralId });
    await step("receiveReferral", pankhurst);
    switch (n % 3) {
      case 0:
        await step("acceptReferral", pankhurst);
        break;
      case 1:
        await step("declineReferral", pankhurst, `, reason: "Synthetic: outside the service's area"`);
        break;
      case 2:
        await step("withdrawReferral", gmvs, `, reason: "Synthetic: the victim no longer wants the service"`);
        break;
    }
    await op("readCaseView", pankhurst, CASE_VIEW, { id: caseId });
    await op("withdrawConsent", gmvs, `mutation($id: ID!) { withdrawConsent(consentId: $id) { id } }`, { id: consentId });
    // After the withdrawal Pankhurst's next read is refused what rested on her consent: expected refusals, not errors.
    await op("readCaseView", pankhurst, CASE_VIEW, { id: caseId });
  }

  async function worker(index: number): Promise<void> {
    for (let n = 0; !out(); n++) {
      try {
        await journey(index, n);
      } catch (error) {
        if (error instanceof Stop) return;
        errorCount += 1;
        if (errors.length < 20) errors.push(`worker ${index}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  const timer = options.progress
    ? setInterval(() => {
        const s = ((performance.now() - startedAt) / 1000).toFixed(0);
        options.progress!(`soak ${s}s: ${started} operations, ${errorCount} errors, ${KINDS.reduce((n, k) => n + byKind[k].refusals, 0)} expected refusals`);
      }, options.progressEveryMs ?? 5_000)
    : undefined;
  try {
    await Promise.all(Array.from({ length: options.workers }, (_, i) => worker(i + 1)));
  } finally {
    if (timer) clearInterval(timer);
  }
  const elapsedMs = performance.now() - startedAt;

  let chain: AuditEvent[];
  try {
    chain = await readAuditChain(hub.db.dataSource);
  } finally {
    await hub.close();
  }
  const problem = verifyChain(chain);
  const missingAudit = missingAuditEvents(performed, chain);
  const operations = KINDS.reduce((n, k) => n + byKind[k].count, 0);
  return {
    elapsedMs,
    operations,
    byKind,
    errors,
    errorCount,
    missingAudit,
    auditEvents: chain.length,
    chainProblem: problem ? `event ${problem.seq} ${problem.problem}: ${problem.detail}` : null,
    ok: errorCount === 0 && missingAudit.length === 0 && problem === null && operations > 0,
  };
}

/**
 * What each operation implies the chain holds under its request id: a write,
 * its event with the write's reason; a read, a DENY for every refusal reason
 * its answer gave, and an ALLOW where it released anything.
 */
export function missingAuditEvents(performed: readonly Performed[], chain: readonly AuditEvent[]): string[] {
  const byRequest = new Map<string, AuditEvent[]>();
  for (const e of chain) {
    const list = byRequest.get(e.requestId);
    if (list) list.push(e);
    else byRequest.set(e.requestId, [e]);
  }
  const missing: string[] = [];
  for (const p of performed) {
    const events = byRequest.get(p.requestId) ?? [];
    if (p.expectReason && !events.some((e) => e.reason === p.expectReason)) missing.push(`${p.kind} ${p.requestId}: no ${p.expectReason} event`);
    for (const reason of p.refusedReasons) {
      if (!events.some((e) => e.decision === "DENY" && e.reason === reason)) missing.push(`${p.kind} ${p.requestId}: refused ${reason} but no DENY event`);
    }
    if (p.released && !events.some((e) => e.decision === "ALLOW")) missing.push(`${p.kind} ${p.requestId}: released data but no ALLOW event`);
    if (p.withheld && !events.some((e) => e.decision === "DENY")) missing.push(`${p.kind} ${p.requestId}: withheld the case but no DENY event`);
  }
  return missing;
}

/** The summary table, one row per kind of operation. */
export function formatSoakResult(result: SoakResult): string {
  const rows = KINDS.filter((k) => result.byKind[k].count > 0).map((k) => {
    const t = result.byKind[k];
    return [k, t.count, t.errors, t.refusals, (t.totalMs / t.count).toFixed(1), t.maxMs.toFixed(0)];
  });
  const header = ["operation", "count", "errors", "refusals", "mean ms", "max ms"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells: (string | number)[]) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join("  ");
  return [
    line(header),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
    "",
    `${result.operations} operations in ${(result.elapsedMs / 1000).toFixed(1)} s; ${result.errorCount} unexpected errors`,
    `audit: ${result.auditEvents} events, ${result.missingAudit.length} implied events missing, chain ${result.chainProblem ?? "verifies"}`,
    ...result.errors.map((e) => `  error: ${e}`),
    ...result.missingAudit.slice(0, 20).map((m) => `  missing: ${m}`),
    result.ok ? "SOAK PASSED" : "SOAK FAILED",
  ].join("\n");
}

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of 1 or more (got ${JSON.stringify(raw)})`);
  return value;
}

async function main(): Promise<void> {
  const options: SoakOptions = {
    seconds: positiveInt("SOAK_SECONDS", 60),
    operations: positiveInt("SOAK_OPERATIONS", 5_000),
    workers: positiveInt("SOAK_WORKERS", 4),
    databaseUrl: process.env.DATABASE_URL || undefined,
    progress: (line) => process.stdout.write(`${line}\n`),
  };
  process.stdout.write(
    `soak: up to ${options.seconds} s or ${options.operations} operations, ${options.workers} workers, on ${options.databaseUrl ? "PostgreSQL" : "PGlite"}\n`,
  );
  const result = await runSoak(options);
  process.stdout.write(`${formatSoakResult(result)}\n`);
  process.exitCode = result.ok ? 0 : 1;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
