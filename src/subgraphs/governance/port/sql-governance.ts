import type { DataSource, EntityManager } from "typeorm";
import type { Principal } from "../../../platform/principal";
import { AuditEventInput } from "../../../policy/audit";
import { appendAuditEvents, lockAuditChain, recordAudit } from "../audit/chain";
import { BREAK_GLASS_GRANTED, startOfLondonDay } from "../../../policy/break-glass";
import type { Agreement } from "../../../policy/decide";
import type { CommandOutcome, CommandOwner, IdentifiedCommand } from "../../../policy/governance-commands";
import type { FactsOfSubject, FactsReader, GovernancePort, SubjectFacts, SubjectKey } from "../../../policy/governance-port";
import { PolicyStore } from "../../../policy/store";
import type { Consent } from "../../../policy/decide";
import { applyCommands } from "./commands";

/**
 * Governance's side of the policy's interface (GovernancePort), on its own
 * tables: what a subgraph sharing governance's store, in one process, is
 * given, and what the internal routes (./routes.ts) answer for a subgraph
 * that runs apart.
 */
export class SqlGovernance implements GovernancePort {
  private readonly store: PolicyStore;

  constructor(readonly dataSource: DataSource) {
    this.store = new PolicyStore(dataSource);
  }

  subjectsWithFactsFor(keys: readonly SubjectKey[]): Promise<SubjectFacts> {
    return this.store.subjectsWithFactsFor(keys);
  }

  factsOfSubjects(subjectIds: readonly string[]): Promise<FactsOfSubject[]> {
    return this.store.factsOfSubjects(subjectIds);
  }

  agreementsUnder(fingerprint: string | undefined): Promise<readonly Agreement[]> {
    return this.store.agreementsUnder(fingerprint);
  }

  /** The agreements and the fingerprint they were read under: for a client that caches them between changes. */
  agreementsWithFingerprint() {
    return this.store.agreementsWithFingerprint();
  }

  consentFacts(consentId: string): Promise<{ subjectId: string; facts: Consent[] } | null> {
    return this.store.consentFacts(consentId);
  }

  within(manager: EntityManager): FactsReader {
    return new PolicyStore(manager);
  }

  applyCommands(source: CommandOwner, commands: readonly IdentifiedCommand[]): Promise<CommandOutcome[]> {
    return this.dataSource.transaction((m) => applyCommands(m, source, commands));
  }

  recordAudit(events: readonly AuditEventInput[]): Promise<void> {
    return recordAudit(this.dataSource, events);
  }

  breakGlassUsesToday(principal: Principal, requestId: string, now: Date): Promise<number> {
    return breakGlassUsesToday(this.dataSource, principal, requestId, now);
  }

  appendWithinBreakGlassCap(
    events: readonly AuditEventInput[],
    limitReached: AuditEventInput,
    cap: { principal: Principal; requestId: string; now: Date; dailyCap: number },
  ): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      await lockAuditChain(m);
      if ((await breakGlassUsesToday(m, cap.principal, cap.requestId, cap.now)) >= cap.dailyCap) {
        await appendAuditEvents(m, [limitReached]);
        return false;
      }
      await appendAuditEvents(m, events);
      return true;
    });
  }
}

/**
 * Requests on which this supervisor broke glass today, from the audit store
 * (each grant is an audit event; one request's grants share its request id,
 * in every subgraph it reached), leaving out the request asking, whose other
 * subgraphs may already have written theirs.
 */
export async function breakGlassUsesToday(store: DataSource | EntityManager, principal: Principal, requestId: string, now: Date): Promise<number> {
  const [row] = (await store.query(
    `SELECT count(DISTINCT request_id) AS uses FROM governance.audit_event
     WHERE actor = $1 AND organisation = $2 AND break_glass_reason IS NOT NULL AND decision = 'ALLOW' AND reason = $3
       AND at >= $4 AND request_id <> $5`,
    [principal.subject, principal.organisation, BREAK_GLASS_GRANTED, startOfLondonDay(now), requestId],
  )) as { uses: string | number }[];
  return Number(row?.uses ?? 0);
}
