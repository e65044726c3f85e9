import type { RequestContext } from "../platform/context";
import { OrganisationCode } from "../platform/domain";
import { Principal, Role } from "../platform/principal";
import type { AuditEventInput } from "./audit";
import { BREAK_GLASS_GRANTED, BREAK_GLASS_LIMIT_REACHED, breakGlassLimitReached, BreakGlassReason } from "./break-glass";
import { DataCategory } from "./categories";
import { AccessDecision, decide, DenyReason } from "./decide";
import { SubjectSystem } from "./sensitive";
import { createPolicyLoaders, FactsOfSubject, GovernancePort, PolicyLoaders, SubjectKey } from "./governance-port";
import type { PendingCommands } from "./governance-commands";

/** What a subgraph's request context carries for the policy. */
export interface GuardedContext extends RequestContext {
  principal: Principal;
  access: AccessEvaluator;
}

export type AccessOutcome = AccessDecision & { subjectId: string | null; breakGlass: boolean };

/** Reasons a supervisor's written break-glass reason may override; never who you are or what your role allows. */
const OVERRIDABLE: ReadonlySet<DenyReason> = new Set([
  DenyReason.NO_AGREEMENT,
  DenyReason.PURPOSE_NOT_COVERED,
  DenyReason.NO_CONSENT,
  DenyReason.CONSENT_WITHDRAWN,
  DenyReason.NO_RELATIONSHIP,
]);

/**
 * A DataLoader `batchScheduleFn` for data behind guarded fields: dispatch the
 * batch once the request's pending access decisions are made and the
 * resolvers they let through have run (they run in microtasks; setImmediate
 * comes after those), so a constant number of source calls serves any
 * number of parents.
 */
export function afterAccessDecisions(access: AccessEvaluator): (dispatch: () => void) => void {
  return (dispatch) => {
    void access.settled().then(() => setImmediate(dispatch));
  };
}

export { BREAK_GLASS_HEADER } from "./break-glass";

/** A request's break-glass: the supervisor's reason (already checked: breakGlassRequest) and their daily cap. */
export interface BreakGlass {
  reason: BreakGlassReason;
  dailyCap: number;
}

/**
 * One per request: decides each (subject, holder, category) once, with facts
 * loaded in batches, and buffers one audit event per distinct outcome, with
 * every record it concerned. The buffer is written before the response
 * leaves (see auditPlugin); if it cannot be, nothing is released.
 */
export class AccessEvaluator {
  private readonly loaders: PolicyLoaders;
  private readonly decisions = new Map<string, Promise<AccessOutcome>>();
  private readonly events = new Map<string, AuditEventInput & { records: string[] }>();
  /** Set by admitBreakGlass: whether this request may override refusals. */
  private breakGlassAdmitted = false;
  private breakGlassRefused = false;

  constructor(
    private readonly governance: GovernancePort,
    readonly principal: Principal,
    private readonly requestId: string,
    private readonly breakGlass: BreakGlass | null,
    private readonly now: () => Date = () => new Date(),
    /** The x-request-id the caller sent: kept in the audit beside the hub's own id, never in its place. */
    private readonly callerRequestId: string | null = null,
    /**
     * The commands to governance this request's mutation has written and
     * governance has yet to apply (src/policy/governance-commands.ts): laid
     * over governance's facts, so the mutation's own answer sees the links
     * and relationships it made. null outside a mutation.
     */
    private readonly pending: (() => Promise<PendingCommands | null>) | null = null,
  ) {
    this.loaders = createPolicyLoaders(governance);
  }

  /**
   * The decision for one category of a subject's data held by `holder`,
   * audited against `record` (Type:reference) where a record is concerned.
   * A null subject is a record about nobody in particular: only its holder sees it.
   */
  async decideFor(subject: SubjectKey | null, holder: OrganisationCode, category: DataCategory, record?: string): Promise<AccessOutcome> {
    const key = `${subject?.system}\u0000${subject?.ref}\u0000${holder}\u0000${category}`;
    let pending = this.decisions.get(key);
    if (!pending) {
      pending = this.evaluate(subject, holder, category);
      this.decisions.set(key, pending);
    }
    const outcome = await pending;
    this.audit(outcome, holder, category, record);
    return outcome;
  }

  /**
   * Resolves once every decision this request has started is made,
   * including any started while waiting. A DataLoader behind guarded fields
   * holds its batch until then (see `afterAccessDecisions`), so fields whose
   * decisions take different paths (a subject with consents to load, one
   * without) still ask in one batch, and refused fields never ask at all.
   */
  async settled(): Promise<void> {
    let seen = -1;
    while (seen !== this.decisions.size) {
      seen = this.decisions.size;
      await Promise.allSettled(this.decisions.values());
    }
  }

  /** The agreements in force as this request sees them: for a decision about aggregates, which concern no subject. */
  agreements() {
    return this.loaders.agreements();
  }

  /** The decision without a release: for explainAccess. Audited as an explanation would be pointless; nothing is released. */
  async explain(subjectId: string | null, holder: OrganisationCode, category: DataCategory): Promise<AccessDecision> {
    const pending = await this.pendingNow();
    const id = subjectId === null || !pending ? subjectId : pending.current(subjectId);
    return decide(this.principal, { id, holder }, category, this.principal.purpose, await this.facts(id, pending));
  }

  private pendingRead: Promise<PendingCommands | null> | undefined;

  /** The mutation's own commands, read once for the decisions started together. */
  private pendingNow(): Promise<PendingCommands | null> {
    if (!this.pending) return Promise.resolve(null);
    if (!this.pendingRead) {
      this.pendingRead = this.pending();
      setImmediate(() => {
        this.pendingRead = undefined;
      });
    }
    return this.pendingRead;
  }

  private async facts(subjectId: string | null, pending: PendingCommands | null) {
    const [agreements, { consents, relationships }] = await Promise.all([this.loaders.agreements(), this.factsOf(subjectId, pending)]);
    return { agreements, consents, relationships, now: this.now() };
  }

  private async factsOf(subjectId: string | null, pending: PendingCommands | null): Promise<FactsOfSubject> {
    if (subjectId === null) return { consents: [], relationships: [] };
    if (!pending || pending.empty) return this.loaders.factsBySubject.load(subjectId);
    const read = await this.loaders.factsBySubject.loadMany([subjectId, ...pending.mergedInto(subjectId)]);
    const failed = read.find((r): r is Error => r instanceof Error);
    if (failed) throw failed;
    return pending.overlay(subjectId, read as FactsOfSubject[]);
  }

  private async subjectId(subject: SubjectKey | null, pending: PendingCommands | null): Promise<string | null> {
    if (subject === null) return null;
    const linked = subject.system === SubjectSystem.SUBJECT ? subject.ref : (pending?.linkOf(subject) ?? (await this.loaders.subjectByLink.load(subject)));
    return linked === null || !pending ? linked : pending.current(linked);
  }

  private async evaluate(subject: SubjectKey | null, holder: OrganisationCode, category: DataCategory): Promise<AccessOutcome> {
    const pending = await this.pendingNow();
    const subjectId = await this.subjectId(subject, pending);
    const decision = decide(this.principal, { id: subjectId, holder }, category, this.principal.purpose, await this.facts(subjectId, pending));
    return decision.decision === "DENY" && this.mayBreakGlass(decision.reason)
      ? { decision: "ALLOW", basis: "AGREEMENT", agreementId: decision.agreementId, consentId: decision.consentId, subjectId, breakGlass: true }
      : { ...decision, subjectId, breakGlass: false };
  }

  /** A record or field released to the organisation a record is addressed to (see PersonalDataDeclaration.addressee): audited like any release. */
  async releaseToAddressee(subject: SubjectKey | null, holder: OrganisationCode, category: DataCategory, record?: string): Promise<void> {
    const subjectId = await this.subjectId(subject, await this.pendingNow());
    this.audit({ decision: "ALLOW", basis: "REFERRAL_ADDRESSEE", agreementId: null, consentId: null, subjectId, breakGlass: false }, holder, category, record);
  }

  /**
   * A root field the caller's organisation or role may not use: no data was
   * reached, but the attempt is a consultation refused, and the log says so.
   * Filed under the caller's own organisation, whose supervisors monitor
   * their staff's use (DPA 2018 s.62(4)), with the field as the record.
   */
  refuseOperation(field: string, reason: string): void {
    const key = `operation\u0000${field}\u0000${reason}`;
    if (this.events.has(key)) return;
    this.events.set(key, {
      ...this.eventBase(),
      subjectId: null,
      category: "OPERATION",
      holder: this.principal.organisation,
      decision: "DENY",
      reason,
      agreementId: null,
      consentId: null,
      breakGlassReason: null,
      records: [field],
    });
  }

  private eventBase() {
    return {
      at: this.now(),
      requestId: this.requestId,
      callerRequestId: this.callerRequestId,
      actor: this.principal.subject,
      organisation: this.principal.organisation,
      roles: this.principal.roles,
      purpose: this.principal.purpose,
    };
  }

  /**
   * Before any decision: whether the supervisor is still under the day's cap.
   * Over it, break-glass is refused for the whole request (the ordinary
   * decisions stand), the refusal is audited under the supervisor's own
   * organisation, and the response says so (breakGlassRefusal). Decided from
   * the header and the audit alone, never from the data asked for, so the
   * refusal says nothing about any record.
   */
  async admitBreakGlass(): Promise<void> {
    if (!this.breakGlass) return;
    const uses = await this.governance.breakGlassUsesToday(this.principal, this.requestId, this.now());
    if (uses < this.breakGlass.dailyCap) {
      this.breakGlassAdmitted = true;
      return;
    }
    this.breakGlassRefused = true;
    this.events.set("break-glass-limit", this.limitReachedEvent(this.breakGlass.reason));
  }

  /** The error to add to the response where break-glass was asked for and refused over the cap; null otherwise. */
  breakGlassRefusal() {
    return this.breakGlassRefused && this.breakGlass ? breakGlassLimitReached(this.breakGlass.dailyCap) : null;
  }

  private limitReachedEvent(reason: BreakGlassReason): AuditEventInput & { records: string[] } {
    return {
      ...this.eventBase(),
      subjectId: null,
      category: "BREAK_GLASS",
      holder: this.principal.organisation,
      decision: "DENY",
      reason: BREAK_GLASS_LIMIT_REACHED,
      agreementId: null,
      consentId: null,
      breakGlassReason: reason.text,
      records: [],
    };
  }

  private mayBreakGlass(reason: DenyReason): boolean {
    // The role is checked where the header is read (breakGlassRequest); checked again here, as the override's last gate.
    return this.breakGlassAdmitted && this.breakGlass !== null && this.principal.roles.includes(Role.SUPERVISOR) && OVERRIDABLE.has(reason);
  }

  private audit(outcome: AccessOutcome, holder: OrganisationCode, category: DataCategory, record: string | undefined): void {
    const reason = outcome.decision === "DENY" ? outcome.reason : outcome.breakGlass ? BREAK_GLASS_GRANTED : outcome.basis;
    const key = `${outcome.subjectId}\u0000${holder}\u0000${category}\u0000${outcome.decision}\u0000${reason}`;
    const existing = this.events.get(key);
    if (existing) {
      if (record !== undefined && !existing.records.includes(record)) existing.records.push(record);
      return;
    }
    this.events.set(key, {
      ...this.eventBase(),
      records: record === undefined ? [] : [record],
      subjectId: outcome.subjectId,
      category,
      holder,
      decision: outcome.decision,
      reason,
      agreementId: outcome.agreementId,
      consentId: outcome.consentId,
      breakGlassReason: outcome.breakGlass ? (this.breakGlass?.reason.text ?? null) : null,
    });
  }

  /**
   * Writes the buffered events; called once, before the response is sent.
   * A request that broke glass counts against the cap again as its grants
   * are written, under the audit chain's lock: concurrent requests each
   * passed admitBreakGlass before any was written, and only those under the
   * cap may release. One over it is withheld (a FORBIDDEN error, thrown), and
   * only its refusal is written.
   */
  async flush(): Promise<void> {
    const events = [...this.events.values()];
    this.events.clear();
    const breakGlass = this.breakGlass;
    if (!breakGlass || !events.some((e) => e.reason === BREAK_GLASS_GRANTED)) return this.governance.recordAudit(events);
    const withinCap = await this.governance.appendWithinBreakGlassCap(events, this.limitReachedEvent(breakGlass.reason), {
      principal: this.principal,
      requestId: this.requestId,
      now: this.now(),
      dailyCap: breakGlass.dailyCap,
    });
    if (!withinCap) throw breakGlassLimitReached(breakGlass.dailyCap);
  }

  /** The refusal of a break-glass over the cap, on its own: for a mutation, whose unit of work (and the refusal in it) was rolled back. */
  async recordBreakGlassLimitReached(): Promise<void> {
    if (this.breakGlass) await this.governance.recordAudit([this.limitReachedEvent(this.breakGlass.reason)]);
  }
}
