import { createHash, randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { z } from "zod";
import { OrganisationCode } from "../platform/domain";
import type { Logger } from "../platform/logger";
import { Rounds } from "../platform/rounds";
import { inUnitOfWork } from "../platform/unit-of-work";
import type { AuditEventInput } from "./audit";
import type { Consent, Relationship } from "./decide";
import type { FactsOfSubject, GovernancePort, SubjectKey } from "./governance-port";
import { SubjectSystem } from "./sensitive";

/**
 * How victims and partners tell governance who their records are about, who
 * has a legitimate reason to see them, and what they changed, without
 * writing governance's tables. Each change writes commands to the outbox in
 * its own schema (`<schema>.governance_command`), in the transaction of the
 * change, so the record and what governance must learn of it commit
 * together or not at all. Once the transaction has committed, the
 * subgraph's relay (GovernanceCommandRelay) sends them to governance in the
 * order they were written, and governance applies each once (the
 * `applyCommands` of its port), whichever store it is on. A mutation's
 * response leaves after that, so the caller's next request finds them.
 *
 * Until governance has them, the transaction that wrote them reads them
 * here: GovernanceWrites answers "whose record is this?" and "is there a
 * relationship?" from governance's facts with the transaction's own commands
 * laid over them, and the access policy does the same for the mutation's
 * own answer (pendingCommandsReader). Nothing else does: a command another
 * transaction wrote is governance's to apply, and is seen once it has.
 */

/** The schemas with a command outbox. */
export const COMMAND_OWNERS = ["victims", "partners"] as const;
export type CommandOwner = (typeof COMMAND_OWNERS)[number];

const time = z.union([z.date(), z.string().datetime({ offset: true }).transform((text) => new Date(text))]);
const nullableText = z.string().max(10_000).nullable();
const organisation = z.nativeEnum(OrganisationCode);
const relationshipKey = { subjectId: z.string().uuid(), organisation, relationshipKind: z.string().min(1).max(100), sourceRef: z.string().min(1).max(500) };

/** An audit event as the port carries it, times as ISO text or Dates. */
export const auditEventSchema = z
  .object({
    at: time,
    requestId: z.string().min(1).max(200),
    callerRequestId: z.string().max(200).nullable().optional(),
    records: z.array(z.string().max(1_000)).max(100_000).optional(),
    actor: nullableText,
    organisation: nullableText,
    roles: z.array(z.string().max(100)).max(20),
    purpose: nullableText,
    subjectId: z.string().uuid().nullable(),
    category: z.string().min(1).max(100),
    holder: z.string().min(1).max(100),
    decision: z.enum(["ALLOW", "DENY"]),
    reason: nullableText,
    agreementId: nullableText,
    consentId: nullableText,
    breakGlassReason: nullableText,
  })
  .strict();

export const governanceCommandSchema = z.discriminatedUnion("kind", [
  /** The record is about this subject; governance creates the subject where it has none by that id. */
  z.object({ kind: z.literal("link-subject"), system: z.nativeEnum(SubjectSystem), ref: z.string().min(1).max(500), subjectId: z.string().uuid() }).strict(),
  /** `underConsent`: the relationship is opened only while that consent is still in force when governance applies it. */
  z.object({ kind: z.literal("open-relationship"), ...relationshipKey, openedAt: time, underConsent: z.string().uuid().nullable() }).strict(),
  z.object({ kind: z.literal("close-relationship"), ...relationshipKey, closedAt: time }).strict(),
  z.object({ kind: z.literal("reopen-relationship"), ...relationshipKey, openedAt: time }).strict(),
  /** Two subjects are one person: everything of `from` moves to `into`. */
  z.object({ kind: z.literal("merge-subjects"), from: z.string().uuid(), into: z.string().uuid() }).strict(),
  z.object({ kind: z.literal("audit"), events: z.array(auditEventSchema).min(1).max(10_000) }).strict(),
]);
export type GovernanceCommand = z.output<typeof governanceCommandSchema>;
type CommandInput = z.input<typeof governanceCommandSchema>;

/** A command as sent: its id is what makes a second sending change nothing. */
export interface IdentifiedCommand {
  id: string;
  command: GovernanceCommand;
}

/** What governance did with a command: applied, already applied before, or refused for a reason it names. */
export type CommandOutcome = "applied" | "duplicate" | `refused: ${string}`;

/**
 * Writes commands to `owner`'s outbox inside the caller's transaction.
 * `ids`: fixed ids for commands a seed writes again on every start, so the
 * outbox holds each once (seedCommandId); otherwise each command is new.
 */
export async function commandGovernance(manager: EntityManager, owner: CommandOwner, commands: readonly CommandInput[], ids?: readonly string[]): Promise<void> {
  if (commands.length === 0) return;
  await manager.query(`INSERT INTO ${owner}.governance_command (id, command) SELECT * FROM unnest($1::uuid[], $2::jsonb[]) ON CONFLICT (id) DO NOTHING`, [
    ids ?? commands.map(() => randomUUID()),
    commands.map((c) => JSON.stringify(c)),
  ]);
}

/** A fixed command id for a seed's command, from what it is about: the same on every start. */
export function seedCommandId(...about: string[]): string {
  const hex = createHash("sha256").update(about.join("\u0000")).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Appends audit events through the outbox: they commit with the change they record and reach governance's chain after. */
export function auditThroughGovernance(manager: EntityManager, owner: CommandOwner, events: readonly AuditEventInput[]): Promise<void> {
  return events.length === 0 ? Promise.resolve() : commandGovernance(manager, owner, [{ kind: "audit", events: events.map((e) => ({ ...e, records: e.records && [...e.records] })) }]);
}

/** A relationship as the commands name it: the organisation with the reason, the kind of reason and the record that gives it. */
export interface RelationshipCommand {
  subjectId: string;
  organisation: OrganisationCode;
  /** e.g. "gmvs-case", "police-crime", "referral", "service-episode". */
  kind: string;
  sourceRef: string;
}

/** The commands a transaction has written and governance has yet to apply, as facts to lay over governance's. */
export class PendingCommands {
  private readonly links = new Map<string, string>();
  /** Subjects merged away, each to the subject it became. */
  private readonly merged = new Map<string, string>();
  /** Relationships opened or reopened (closedAt null) or closed, by organisation, kind and source record, last change last. */
  private readonly relationships = new Map<string, Relationship>();
  /** Subjects and organisations with a relationship closed here: governance's open ones for them are not trusted. */
  private readonly closed: { subjectId: string; organisation: OrganisationCode }[] = [];
  readonly empty: boolean;

  constructor(commands: readonly GovernanceCommand[]) {
    this.empty = commands.length === 0;
    for (const c of commands) {
      if (c.kind === "link-subject") this.links.set(linkKey(c), c.subjectId);
      if (c.kind === "merge-subjects") this.merged.set(c.from, c.into);
      if (c.kind === "open-relationship" || c.kind === "reopen-relationship") {
        this.relationships.set(relationshipKeyOf(c), { subjectId: c.subjectId, organisation: c.organisation, kind: c.relationshipKind, openedAt: c.openedAt, closedAt: null });
      }
      if (c.kind === "close-relationship") {
        const key = relationshipKeyOf(c);
        const open = this.relationships.get(key);
        this.relationships.set(key, { subjectId: c.subjectId, organisation: c.organisation, kind: c.relationshipKind, openedAt: open?.openedAt ?? c.closedAt, closedAt: c.closedAt });
        this.closed.push({ subjectId: c.subjectId, organisation: c.organisation });
      }
    }
  }

  /** The subject a record was linked to here, if it was. */
  linkOf(record: SubjectKey): string | undefined {
    return this.links.get(linkKey(record));
  }

  /** The subject `subjectId` is now, after any merge written here. */
  current(subjectId: string): string {
    let id = subjectId;
    for (let hops = 0; this.merged.has(id) && hops < 100; hops++) id = this.merged.get(id)!;
    return id;
  }

  /** Subjects merged into `subjectId` here, whose facts are now its own. */
  mergedInto(subjectId: string): string[] {
    return [...this.merged.keys()].filter((from) => this.current(from) === subjectId);
  }

  /** `subjectId`'s facts with what was written here laid over governance's: `facts` for the subject and any merged into it. */
  overlay(subjectId: string, facts: readonly FactsOfSubject[]): FactsOfSubject {
    const consents: Consent[] = facts.flatMap((f) => f.consents.map((c) => ({ ...c, subjectId })));
    const written = [...this.relationships.values()].filter((r) => this.current(r.subjectId) === subjectId).map((r) => ({ ...r, subjectId }));
    // A close written here ends that organisation's reasons as far as this transaction can tell: fail closed.
    const closed = new Set(this.closed.filter((c) => this.current(c.subjectId) === subjectId).map((c) => c.organisation));
    const read = facts.flatMap((f) => f.relationships.filter((r) => !closed.has(r.organisation)).map((r) => ({ ...r, subjectId })));
    return { consents, relationships: [...read, ...written] };
  }
}

const linkKey = (record: { system: string; ref: string }) => `${record.system}\u0000${record.ref}`;
const relationshipKeyOf = (c: { organisation: string; relationshipKind: string; sourceRef: string }) => `${c.organisation}\u0000${c.relationshipKind}\u0000${c.sourceRef}`;

/** The commands the current transaction on `manager` (or the unit of work on a DataSource) has written to `owner`'s outbox. */
export async function pendingCommands(store: EntityManager | DataSource, owner: CommandOwner): Promise<PendingCommands> {
  const rows = (await store.query(`SELECT command FROM ${owner}.governance_command WHERE tx = txid_current() AND applied_at IS NULL ORDER BY seq`)) as {
    command: unknown;
  }[];
  return new PendingCommands(rows.map((r) => governanceCommandSchema.parse(typeof r.command === "string" ? JSON.parse(r.command) : r.command)));
}

/**
 * A subgraph's side of governance's facts, inside its own transactions:
 * governance's answer (through the port, read on the caller's transaction
 * where the port shares its store) with the transaction's own commands laid
 * over it; and the commands that change them.
 */
export class GovernanceWrites {
  constructor(
    private readonly governance: GovernancePort,
    readonly owner: CommandOwner,
  ) {}

  private reader(manager: EntityManager) {
    return this.governance.within?.(manager) ?? this.governance;
  }

  /** The subject a local record is linked to, or null. */
  async subjectOf(manager: EntityManager, record: SubjectKey): Promise<string | null> {
    const pending = await pendingCommands(manager, this.owner);
    const linked = pending.linkOf(record) ?? (await this.reader(manager).subjectsWithFactsFor([record])).subjects[0] ?? null;
    return linked === null ? null : pending.current(linked);
  }

  /**
   * The subject a local record is about: the one given (`subjectId`), or the
   * one it is already linked to, or else a new one. Throws where the record
   * is already linked to another subject than the one given.
   */
  async linkSubject(manager: EntityManager, record: SubjectKey, subjectId?: string): Promise<string> {
    const existing = await this.subjectOf(manager, record);
    if (existing !== null) {
      if (subjectId !== undefined && existing !== subjectId) throw new Error(`${record.system} ${record.ref} is already linked to another subject`);
      return existing;
    }
    const id = subjectId ?? randomUUID();
    await commandGovernance(manager, this.owner, [{ kind: "link-subject", system: record.system, ref: record.ref, subjectId: id }]);
    return id;
  }

  /** Opens a relationship; `underConsent`: only while that consent is in force as governance applies it. */
  openRelationship(manager: EntityManager, r: RelationshipCommand & { openedAt: Date }, underConsent: string | null = null): Promise<void> {
    return commandGovernance(manager, this.owner, [{ kind: "open-relationship", ...relationshipFields(r), openedAt: r.openedAt, underConsent }]);
  }

  /** Closes a relationship (the case closed, the referral was declined or withdrawn): from then on it gives no reason to see. */
  closeRelationship(manager: EntityManager, r: RelationshipCommand, closedAt: Date): Promise<void> {
    return commandGovernance(manager, this.owner, [{ kind: "close-relationship", ...relationshipFields(r), closedAt }]);
  }

  /** Reopens a closed relationship (a case reopened), or opens it where none was recorded. */
  reopenRelationship(manager: EntityManager, r: RelationshipCommand & { openedAt: Date }): Promise<void> {
    return commandGovernance(manager, this.owner, [{ kind: "reopen-relationship", ...relationshipFields(r), openedAt: r.openedAt }]);
  }

  /** Two subjects turned out to be one person (a caseworker confirmed a match): governance moves every link, relationship and consent of `from` to `into`. */
  mergeSubjects(manager: EntityManager, from: string, into: string): Promise<void> {
    return from === into ? Promise.resolve() : commandGovernance(manager, this.owner, [{ kind: "merge-subjects", from, into }]);
  }

  /** Whether an organisation has an open relationship with a subject: the legitimate reason it needs before it records anything about them. */
  async hasOpenRelationship(manager: EntityManager, subjectId: string, organisation: OrganisationCode): Promise<boolean> {
    const pending = await pendingCommands(manager, this.owner);
    const ids = [subjectId, ...pending.mergedInto(subjectId)];
    const facts = pending.overlay(subjectId, await this.reader(manager).factsOfSubjects(ids));
    return facts.relationships.some((r) => r.organisation === organisation && r.closedAt === null);
  }

  /** A consent's subject and every consent state of that subject towards its recipient; null where there is no such consent. */
  consent(manager: EntityManager, consentId: string): Promise<{ subjectId: string; facts: Consent[] } | null> {
    return this.reader(manager).consentFacts(consentId);
  }

  /** Audit events of a change, written with it: they reach the chain once the change has committed. */
  audit(manager: EntityManager, events: readonly AuditEventInput[]): Promise<void> {
    return auditThroughGovernance(manager, this.owner, events);
  }

  /** Audit events of something refused, where nothing is written to commit with them: in governance's chain when this resolves. */
  recordAudit(events: readonly AuditEventInput[]): Promise<void> {
    return this.governance.recordAudit(events);
  }

  /** Every agreement in its latest version. */
  agreements() {
    return this.governance.agreementsUnder(undefined);
  }
}

const relationshipFields = (r: RelationshipCommand) => ({ subjectId: r.subjectId, organisation: r.organisation, relationshipKind: r.kind, sourceRef: r.sourceRef });

/**
 * For the access policy: the commands the current mutation's unit of work
 * has written to `owner`'s outbox, or null outside one (a query writes
 * none, and reads governance's facts alone).
 */
export function pendingCommandsReader(dataSource: DataSource, owner: CommandOwner): () => Promise<PendingCommands | null> {
  return async () => (inUnitOfWork(dataSource) ? pendingCommands(dataSource, owner) : null);
}

export interface CommandRelayOptions {
  /** How often to look for commands when the last look found none; 0: only when asked. */
  idleMs?: number;
  batch?: number;
  logger?: Logger;
  /** This process, as the lease names it. */
  holder?: string;
  /** How long a lease lasts: one whose holder died is taken over after this (default 30 s). */
  leaseSeconds?: number;
}

/**
 * Sends one schema's command outbox to governance: takes the schema's lease
 * (one sender at a time across every process on the store, so commands
 * reach governance in the order they were written), reads what governance
 * has yet to apply in `seq` order, sends it, and marks each command with
 * governance's outcome. A sender stopped between the two sends the same
 * commands again; governance applies each once. A command refused for a
 * reason (a record already linked to another subject, a consent withdrawn
 * before its relationship opened) is marked with the refusal and logged;
 * one that cannot be read at all is marked unreadable, not retried forever.
 */
export class GovernanceCommandRelay {
  private readonly rounds: Rounds<number | null>;
  private readonly batch: number;
  private readonly holder: string;

  constructor(
    private readonly dataSource: DataSource,
    readonly owner: CommandOwner,
    private readonly governance: GovernancePort,
    private readonly options: CommandRelayOptions = {},
  ) {
    this.batch = options.batch ?? 200;
    this.holder = options.holder ?? randomUUID();
    this.rounds = new Rounds(() => this.sendWaiting(), options.idleMs ?? 250, (error) =>
      options.logger?.warn({ outbox: owner, err: error instanceof Error ? error.message : String(error) }, "governance command relay round failed; retrying"),
    );
  }

  start(): void {
    this.rounds.start();
  }

  stop(): Promise<void> {
    return this.rounds.stop();
  }

  /** One round: sends what is waiting; the number sent, or null where another process holds the lease. Rounds never overlap. */
  drain(): Promise<number | null> {
    return this.rounds.drain();
  }

  /** Rounds until nothing is waiting: what was committed before the call has reached governance. Throws after `timeoutMs`. */
  async settle(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const sent = await this.drain();
      if (sent === 0) return;
      if (Date.now() > deadline) throw new Error(`${this.owner}'s commands to governance still waiting after ${timeoutMs} ms`);
      if (sent === null) await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private async sendWaiting(): Promise<number | null> {
    const { owner } = this;
    // Through a SELECT: TypeORM answers an UPDATE's RETURNING as [rows, count].
    const leased = (await this.dataSource.query(
      `WITH taken AS (UPDATE ${owner}.governance_command_lease SET holder = $1, until = now() + make_interval(secs => $2)
                      WHERE id = 1 AND (holder IS NULL OR holder = $1 OR until < now()) RETURNING id)
       SELECT id FROM taken`,
      [this.holder, this.options.leaseSeconds ?? 30],
    )) as unknown[];
    if (leased.length === 0) return null;
    try {
      const rows = (await this.dataSource.query(`SELECT id, command FROM ${owner}.governance_command WHERE applied_at IS NULL ORDER BY seq LIMIT $1`, [this.batch])) as {
        id: string;
        command: unknown;
      }[];
      if (rows.length === 0) return 0;
      const readable: IdentifiedCommand[] = [];
      const outcomes = new Map<string, string>();
      for (const row of rows) {
        const parsed = governanceCommandSchema.safeParse(typeof row.command === "string" ? JSON.parse(row.command) : row.command);
        if (parsed.success) readable.push({ id: row.id, command: parsed.data });
        else {
          outcomes.set(row.id, "unreadable");
          this.options.logger?.error({ outbox: owner, command: row.id, err: parsed.error.issues[0]?.message }, "governance command unreadable; marked, not sent");
        }
      }
      const answered = readable.length ? await this.governance.applyCommands(owner, readable) : [];
      readable.forEach((c, i) => {
        const outcome = answered[i] ?? "refused: no answer";
        outcomes.set(c.id, outcome);
        if (outcome.startsWith("refused")) this.options.logger?.warn({ outbox: owner, command: c.id, kind: c.command.kind, outcome }, "governance refused a command");
      });
      await this.dataSource.query(
        `UPDATE ${owner}.governance_command c SET applied_at = now(), outcome = o.outcome FROM unnest($1::uuid[], $2::text[]) AS o(id, outcome) WHERE c.id = o.id`,
        [[...outcomes.keys()], [...outcomes.values()]],
      );
      return rows.length;
    } finally {
      await this.dataSource.query(`UPDATE ${owner}.governance_command_lease SET holder = NULL, until = '-infinity' WHERE id = 1 AND holder = $1`, [this.holder]);
    }
  }
}
