import DataLoader from "dataloader";
import type { EntityManager } from "typeorm";
import type { Principal } from "../platform/principal";
import type { AuditEventInput } from "./audit";
import type { CommandOutcome, CommandOwner, IdentifiedCommand } from "./governance-commands";
import type { Agreement, Consent, Relationship } from "./decide";
import type { SubjectSystem } from "./sensitive";

/**
 * Governance's narrow interface to the access policy every subgraph runs:
 * the facts a decision weighs (agreements, subject links, consent states,
 * relationships), the audit of what was released or refused, and the
 * break-glass cap, which is counted from that audit. The policy reaches
 * governance only through this, never through governance's tables, so a
 * subgraph on a store of its own is given the HTTP client
 * (src/policy/governance-client.ts) and one sharing governance's store, in
 * one process, is given governance's own adapter
 * (src/subgraphs/governance/port/sql-governance.ts), and both answer alike.
 */
export interface GovernancePort extends FactsReader {
  /**
   * Appends a request's audit events; resolves once they are durable. Within
   * a mutation's unit of work on governance's own store, they commit with it.
   */
  recordAudit(events: readonly AuditEventInput[]): Promise<void>;
  /** Requests on which this supervisor broke glass today (London's day), leaving out `requestId`'s own. */
  breakGlassUsesToday(principal: Principal, requestId: string, now: Date): Promise<number>;
  /**
   * Appends `events` (among them break-glass grants) if the supervisor is
   * still under `dailyCap`, counted under the audit's lock so that
   * concurrent requests cannot all pass; otherwise appends only
   * `limitReached`. Resolves to whether the grants were within the cap.
   */
  appendWithinBreakGlassCap(
    events: readonly AuditEventInput[],
    limitReached: AuditEventInput,
    cap: { principal: Principal; requestId: string; now: Date; dailyCap: number },
  ): Promise<boolean>;
  /**
   * Applies a subgraph's commands (src/policy/governance-commands.ts) in
   * order, in one transaction, each once however often it is sent; resolves
   * to what became of each once they are durable.
   */
  applyCommands(source: CommandOwner, commands: readonly IdentifiedCommand[]): Promise<CommandOutcome[]>;
  /**
   * The facts read on the caller's own transaction, where this adapter
   * shares the caller's store in one process (a store with one connection
   * would otherwise wait on itself); absent over HTTP.
   */
  within?(manager: EntityManager): FactsReader;
}

/** What a subgraph reads of governance's facts for its own writes. */
export interface FactsReader extends PolicyFactsReader {
  /** A consent's subject and every consent state of that subject towards the consent's recipient; null where there is no such consent. */
  consentFacts(consentId: string): Promise<{ subjectId: string; facts: Consent[] } | null>;
}

/** A local record, by the system that holds it and its reference there. */
export interface SubjectKey {
  system: SubjectSystem;
  ref: string;
}

/** Subjects found by their links, in key order, with each found subject's consent states and relationships. */
export interface SubjectFacts {
  subjects: (string | null)[];
  consents: Map<string, Consent[]>;
  relationships: Map<string, Relationship[]>;
  /** The agreements' version as the same read saw it; absent where no key had a link (no row to carry it). */
  agreementsFingerprint?: string;
}

/** What decide() weighs of one subject. */
export interface FactsOfSubject {
  consents: Consent[];
  relationships: Relationship[];
}

/** The facts decide() weighs, read in batches. */
export interface PolicyFactsReader {
  /** Subject ids for (system, local reference) pairs with their consents and relationships, in one read. */
  subjectsWithFactsFor(keys: readonly SubjectKey[]): Promise<SubjectFacts>;
  /** Each subject's consent states and relationships, in id order: a subject known by its id, not found by a link. */
  factsOfSubjects(subjectIds: readonly string[]): Promise<FactsOfSubject[]>;
  /** Every agreement in its latest version: those last read where `fingerprint` says they are unchanged, else read now. */
  agreementsUnder(fingerprint: string | undefined): Promise<readonly Agreement[]>;
}

/** Per request: nothing here outlives the request, so a withdrawn consent bites on the next one. */
export function createPolicyLoaders(reader: PolicyFactsReader) {
  let agreements: Promise<readonly Agreement[]> | undefined;
  let agreementsFingerprint: string | undefined;
  const factsBySubject = new DataLoader<string, FactsOfSubject>((ids) => reader.factsOfSubjects(ids));
  return {
    agreements: () => (agreements ??= reader.agreementsUnder(agreementsFingerprint)),
    // A subject found by its link arrives with its consents and relationships, primed for the decision that follows.
    subjectByLink: new DataLoader<SubjectKey, string | null, string>(
      async (keys) => {
        const found = await reader.subjectsWithFactsFor(keys);
        agreementsFingerprint ??= found.agreementsFingerprint;
        for (const [id, consents] of found.consents) factsBySubject.prime(id, { consents, relationships: found.relationships.get(id) ?? [] });
        return found.subjects;
      },
      { cacheKeyFn: (k) => `${k.system}\u0000${k.ref}` },
    ),
    factsBySubject,
  };
}
export type PolicyLoaders = ReturnType<typeof createPolicyLoaders>;

/**
 * The internal routes on which the governance subgraph answers the port for
 * a subgraph that runs apart from it (src/subgraphs/governance/port/routes.ts),
 * each for a service token from one of the other subgraphs, for
 * GOVERNANCE_PORT_AUDIENCE.
 */
export const GOVERNANCE_PORT_PATHS = {
  subjectFacts: "/internal/governance/subject-facts",
  subjectFactsById: "/internal/governance/subject-facts-by-id",
  agreements: "/internal/governance/agreements",
  audit: "/internal/governance/audit",
  breakGlassUses: "/internal/governance/break-glass/uses",
  auditWithinBreakGlassCap: "/internal/governance/break-glass/audit",
  consentFacts: "/internal/governance/consent-facts",
  /** Followed by the sending subgraph's name: each takes that subgraph's token only. */
  commands: "/internal/governance/commands/",
} as const;
export const GOVERNANCE_PORT_AUDIENCE = "governance-policy";

/** The fields of the port's JSON that are times: read back as Dates, as the store gives them. */
const TIME_FIELDS = new Set(["at", "now", "givenAt", "withdrawnAt", "openedAt", "closedAt", "startsOn", "endsOn"]);

/** The port's JSON read back with its times as Dates. */
export function parseGovernanceJson<T>(text: string): T {
  return JSON.parse(text, (key, value: unknown) => (TIME_FIELDS.has(key) && typeof value === "string" ? new Date(value) : value)) as T;
}

/** SubjectFacts as JSON carries it: its maps as [subject id, facts] pairs. */
export interface SubjectFactsWire {
  subjects: (string | null)[];
  consents: [string, Consent[]][];
  relationships: [string, Relationship[]][];
  agreementsFingerprint?: string;
}
