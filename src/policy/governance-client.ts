import { request } from "undici";
import type { Principal } from "../platform/principal";
import { signServiceToken } from "../platform/service-token";
import type { AuditEventInput } from "./audit";
import type { Agreement, Consent } from "./decide";
import type { CommandOutcome, CommandOwner, IdentifiedCommand } from "./governance-commands";
import { FactsOfSubject, GOVERNANCE_PORT_AUDIENCE, GOVERNANCE_PORT_PATHS, GovernancePort, parseGovernanceJson, SubjectFacts, SubjectFactsWire, SubjectKey } from "./governance-port";

/**
 * The policy's interface to governance (GovernancePort) over HTTP, for a
 * subgraph that runs apart from it, on a store of its own: each call is one
 * POST or GET to governance's internal routes with a fresh service token
 * naming this subgraph. The agreements are kept between changes, as the
 * in-process adapter keeps them: a subject lookup brings their fingerprint,
 * and they are asked for again only when it differs. A call that fails
 * throws, so the decision it was for fails closed and the audit it carried
 * is never taken as written. A mutation's audit is durable in governance
 * before the mutation's own unit of work commits: should that commit then
 * fail, the audit records more than happened, never less.
 */
export class GovernanceClient implements GovernancePort {
  private agreementsRead: { fingerprint: string | undefined; agreements: readonly Agreement[] } | undefined;

  constructor(
    /** Governance's URL (its GraphQL endpoint's origin is used). */
    private readonly base: string,
    private readonly key: string,
    /** The subgraph calling: the token's issuer. */
    private readonly caller: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async subjectsWithFactsFor(keys: readonly SubjectKey[]): Promise<SubjectFacts> {
    const wire = await this.send<SubjectFactsWire>(GOVERNANCE_PORT_PATHS.subjectFacts, { keys });
    return { subjects: wire.subjects, consents: new Map(wire.consents), relationships: new Map(wire.relationships), agreementsFingerprint: wire.agreementsFingerprint };
  }

  async factsOfSubjects(subjectIds: readonly string[]): Promise<FactsOfSubject[]> {
    return (await this.send<{ facts: FactsOfSubject[] }>(GOVERNANCE_PORT_PATHS.subjectFactsById, { subjectIds })).facts;
  }

  async agreementsUnder(fingerprint: string | undefined): Promise<readonly Agreement[]> {
    const read = this.agreementsRead;
    if (fingerprint !== undefined && read?.fingerprint === fingerprint) return read.agreements;
    const fresh = await this.send<{ fingerprint: string | undefined; agreements: Agreement[] }>(GOVERNANCE_PORT_PATHS.agreements);
    this.agreementsRead = { fingerprint: fresh.fingerprint, agreements: Object.freeze(fresh.agreements) };
    return fresh.agreements;
  }

  async consentFacts(consentId: string): Promise<{ subjectId: string; facts: Consent[] } | null> {
    return (await this.send<{ consent: { subjectId: string; facts: Consent[] } | null }>(GOVERNANCE_PORT_PATHS.consentFacts, { consentId })).consent;
  }

  async applyCommands(source: CommandOwner, commands: readonly IdentifiedCommand[]): Promise<CommandOutcome[]> {
    if (source !== this.caller) throw new Error(`the ${this.caller} subgraph cannot send ${source}'s commands`);
    return (await this.send<{ outcomes: CommandOutcome[] }>(`${GOVERNANCE_PORT_PATHS.commands}${source}`, { commands })).outcomes;
  }

  async recordAudit(events: readonly AuditEventInput[]): Promise<void> {
    if (events.length === 0) return;
    await this.send(GOVERNANCE_PORT_PATHS.audit, { events });
  }

  async breakGlassUsesToday(principal: Principal, requestId: string, now: Date): Promise<number> {
    return (await this.send<{ uses: number }>(GOVERNANCE_PORT_PATHS.breakGlassUses, { principal, requestId, now })).uses;
  }

  async appendWithinBreakGlassCap(
    events: readonly AuditEventInput[],
    limitReached: AuditEventInput,
    cap: { principal: Principal; requestId: string; now: Date; dailyCap: number },
  ): Promise<boolean> {
    return (await this.send<{ withinCap: boolean }>(GOVERNANCE_PORT_PATHS.auditWithinBreakGlassCap, { events, limitReached, ...cap })).withinCap;
  }

  /** POST `body` as JSON (GET where there is none), and the answer read back with its times as Dates. */
  private async send<T>(path: string, body?: unknown): Promise<T> {
    const url = new URL(path, this.base);
    const token = await signServiceToken(this.key, { issuer: this.caller, audience: GOVERNANCE_PORT_AUDIENCE });
    // undici's request, as the connectors use: a call or two per request and subgraph, at a quarter of fetch's CPU.
    const response = await request(url, {
      method: body === undefined ? "GET" : "POST",
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await response.body.text();
    if (response.statusCode < 200 || response.statusCode > 299) throw new Error(`governance answered ${response.statusCode} at ${url.pathname}`);
    return parseGovernanceJson<T>(text);
  }
}
