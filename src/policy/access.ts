import type { RequestContext } from "../platform/context";
import { OrganisationCode } from "../platform/domain";
import { Principal, Role } from "../platform/principal";
import { AuditEventInput, recordAudit } from "./audit";
import { DataCategory } from "./categories";
import { AccessDecision, decide, DenyReason } from "./decide";
import { PolicyLoaders, PolicyStore, SubjectKey } from "./store";

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

export const BREAK_GLASS_HEADER = "x-break-glass-reason";
export const MIN_BREAK_GLASS_REASON = 20;

/**
 * One per request: decides each (subject, holder, category) once, with facts
 * loaded in batches, and buffers one audit event per distinct outcome. The
 * buffer is written before the response leaves (see auditPlugin); if it
 * cannot be, nothing is released.
 */
export class AccessEvaluator {
  private readonly loaders: PolicyLoaders;
  private readonly decisions = new Map<string, Promise<AccessOutcome>>();
  private readonly events = new Map<string, AuditEventInput>();

  constructor(
    private readonly store: PolicyStore,
    readonly principal: Principal,
    private readonly requestId: string,
    private readonly breakGlassReason: string | null,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.loaders = store.createLoaders();
  }

  decideFor(subject: SubjectKey, holder: OrganisationCode, category: DataCategory): Promise<AccessOutcome> {
    const key = `${subject.system}\u0000${subject.ref}\u0000${holder}\u0000${category}`;
    let outcome = this.decisions.get(key);
    if (!outcome) {
      outcome = this.evaluate(subject, holder, category);
      this.decisions.set(key, outcome);
    }
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

  /** The decision without a release: for explainAccess. Audited as an explanation would be pointless; nothing is released. */
  async explain(subjectId: string | null, holder: OrganisationCode, category: DataCategory): Promise<AccessDecision> {
    const facts = await this.facts(subjectId);
    return decide(this.principal, { id: subjectId, holder }, category, this.principal.purpose, facts);
  }

  private async facts(subjectId: string | null) {
    const [agreements, consents, relationships] = await Promise.all([
      this.loaders.agreements(),
      subjectId ? this.loaders.consentsBySubject.load(subjectId) : [],
      subjectId ? this.loaders.relationshipsBySubject.load(subjectId) : [],
    ]);
    return { agreements, consents, relationships, now: this.now() };
  }

  private async evaluate(subject: SubjectKey, holder: OrganisationCode, category: DataCategory): Promise<AccessOutcome> {
    const subjectId = await this.loaders.subjectByLink.load(subject);
    const decision = decide(this.principal, { id: subjectId, holder }, category, this.principal.purpose, await this.facts(subjectId));
    const outcome: AccessOutcome =
      decision.decision === "DENY" && this.mayBreakGlass(decision.reason)
        ? { decision: "ALLOW", basis: "AGREEMENT", agreementId: decision.agreementId, consentId: decision.consentId, subjectId, breakGlass: true }
        : { ...decision, subjectId, breakGlass: false };
    this.audit(outcome, holder, category);
    return outcome;
  }

  /** A ReleasedToAddressee field released to the record's addressee: audited once per request like any release. */
  async releaseToAddressee(subject: SubjectKey, holder: OrganisationCode, category: DataCategory): Promise<void> {
    const subjectId = await this.loaders.subjectByLink.load(subject);
    this.audit({ decision: "ALLOW", basis: "REFERRAL_ADDRESSEE", agreementId: null, consentId: null, subjectId, breakGlass: false }, holder, category);
  }

  private mayBreakGlass(reason: DenyReason): boolean {
    return (
      this.breakGlassReason !== null &&
      this.breakGlassReason.trim().length >= MIN_BREAK_GLASS_REASON &&
      this.principal.roles.includes(Role.SUPERVISOR) &&
      OVERRIDABLE.has(reason)
    );
  }

  private audit(outcome: AccessOutcome, holder: OrganisationCode, category: DataCategory): void {
    const reason = outcome.decision === "DENY" ? outcome.reason : outcome.breakGlass ? "BREAK_GLASS" : outcome.basis;
    const key = `${outcome.subjectId}\u0000${holder}\u0000${category}\u0000${outcome.decision}\u0000${reason}`;
    if (this.events.has(key)) return;
    this.events.set(key, {
      at: this.now(),
      requestId: this.requestId,
      actor: this.principal.subject,
      organisation: this.principal.organisation,
      roles: this.principal.roles,
      purpose: this.principal.purpose,
      subjectId: outcome.subjectId,
      category,
      holder,
      decision: outcome.decision,
      reason,
      agreementId: outcome.agreementId,
      consentId: outcome.consentId,
      breakGlassReason: outcome.breakGlass ? this.breakGlassReason : null,
    });
  }

  /** Writes the buffered events; called once, before the response is sent. */
  async flush(): Promise<void> {
    const events = [...this.events.values()];
    this.events.clear();
    await recordAudit(this.store.dataSource, events);
  }
}
