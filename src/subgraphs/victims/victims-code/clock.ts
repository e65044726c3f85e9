import { randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { OrganisationCode } from "../../../platform/domain";
import { EventInput, EventRecordType, EventType } from "../../../platform/events/event";
import { emitEvents } from "../../../platform/events/outbox";
import type { Logger } from "../../../platform/logger";
import { repeatEvery } from "../../../platform/schedule";
import type { CaseRecord } from "../cases/case.entity";
import { CaseStatus } from "../cases/case.types";
import { assessCase } from "../compliance/compliance";
import { dueOf, DueWhen } from "../compliance/due";
import type { VictimsServices } from "../context";

/** Where an announced entitlement last stood (victims.entitlement_clock.state). */
type ClockState = "DUE" | "OVERDUE" | "MET";

interface ClockRow {
  id: string;
  entitlement: string;
  trigger_id: string;
  state: ClockState;
}

export interface ClockTick {
  /** Open cases judged. */
  cases: number;
  due: number;
  overdue: number;
  met: number;
  /** Cases the engine refused to judge (input it will not guess about); each is logged. */
  refused: number;
}

/**
 * The Victims' Code clock: judges every open GMVS case's entitlements with
 * the engine (compliance.ts, the same judgement `victimsCodeCompliance`
 * gives) and announces each change as an event, once: an entitlement
 * falling due (a police update or a report started it), passing its
 * deadline unmet, and being met. GMVS, who owes the victim the update, is
 * the party told; its worklist times the work from these.
 *
 * It reads GMP's record as the hub, for timing only: what it announces is
 * ids, kinds and times, and whoever reads the entitlement reads it through
 * GraphQL, where the access policy applies. If the police record cannot be
 * read, nothing is judged that pass: judging without it would call every
 * update's entitlement met.
 */
export class VictimsCodeClock {
  constructor(
    private readonly dataSource: DataSource,
    private readonly services: Pick<VictimsServices, "cases" | "contacts" | "police" | "clock">,
    private readonly logger?: Logger,
  ) {}

  async tick(now: Date = this.services.clock()): Promise<ClockTick> {
    const result: ClockTick = { cases: 0, due: 0, overdue: 0, met: 0, refused: 0 };
    const cases = await this.services.cases.open();
    if (cases.length === 0) return result;
    const references = [...new Set(cases.flatMap((c) => (c.crimeReference ? [c.crimeReference] : [])))];
    const ids = cases.map((c) => c.id);
    const [updates, crimes, contacts, informed, enhancedRights] = await Promise.all([
      references.length ? this.services.police.updatesForCrimes(references) : [],
      references.length ? this.services.police.fetchByKeys(references) : [],
      this.services.contacts.forCases(ids),
      this.services.contacts.informedForCrimes(references),
      this.services.cases.enhancedRightsFor(ids),
    ]);
    const byReference = new Map(references.map((reference, i) => [reference, { updates: updates[i] ?? [], crime: crimes[i] ?? null, informed: informed[i] ?? [] }]));
    for (const [i, kase] of cases.entries()) {
      const police = kase.crimeReference ? byReference.get(kase.crimeReference) : undefined;
      let assessments;
      try {
        assessments = assessCase(kase, { updates: police?.updates ?? [], crime: police?.crime ?? null, informed: police?.informed ?? [], contacts: contacts[i] ?? [], enhancedRights: enhancedRights[i] ?? [] }, now);
      } catch (error) {
        result.refused++;
        this.logger?.warn({ err: error, caseId: kase.id }, "the Victims' Code engine would not judge a case; its clock is left as it stood");
        continue;
      }
      result.cases++;
      const changes = await this.settle(kase, dueOf(kase.id, assessments, now), now);
      result.due += changes.due;
      result.overdue += changes.overdue;
      result.met += changes.met;
    }
    return result;
  }

  /** Brings one case's announced entitlements in line with what is due now, and announces each change, in one transaction. */
  private settle(kase: CaseRecord, due: ReturnType<typeof dueOf>, now: Date): Promise<Omit<ClockTick, "cases" | "refused">> {
    return this.dataSource.transaction(async (m: EntityManager) => {
      const changes = { due: 0, overdue: 0, met: 0 };
      // Closed since the pass read the open cases: closing ended what it owed, and nothing is announced for it now.
      const [current] = (await m.query(`SELECT status FROM victims."case" WHERE id = $1 FOR SHARE`, [kase.id])) as { status: string }[];
      if (current?.status === CaseStatus.CLOSED) return changes;
      const rows = (await m.query(`SELECT id, entitlement, trigger_id, state FROM victims.entitlement_clock WHERE case_id = $1 FOR UPDATE`, [kase.id])) as ClockRow[];
      const known = new Map(rows.map((r) => [`${r.entitlement}\u0000${r.trigger_id}`, r]));
      const stillDue = new Set<string>();
      const events: EventInput[] = [];
      const event = (type: EventType, id: string, dueAt: Date | null = null): EventInput => ({
        type,
        caseId: kase.id,
        record: { type: EventRecordType.ENTITLEMENT, id },
        parties: [OrganisationCode.GMVS],
        occurredAt: now,
        dueAt,
      });
      for (const item of due) {
        const key = `${item.assessment.entitlement}\u0000${item.assessment.triggeringEvent.id}`;
        stillDue.add(key);
        const state: ClockState = item.when === DueWhen.OVERDUE ? "OVERDUE" : "DUE";
        const row = known.get(key);
        if (row && row.state !== "MET" && (row.state === state || row.state === "OVERDUE")) continue;
        const id = row?.id ?? randomUUID();
        if (row) {
          await m.query(`UPDATE victims.entitlement_clock SET state = $2, due_at = $3, changed_at = $4 WHERE id = $1`, [id, state, item.assessment.dueAt, now]);
        } else {
          await m.query(
            `INSERT INTO victims.entitlement_clock (id, case_id, entitlement, trigger_id, due_at, state, changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [id, kase.id, item.assessment.entitlement, item.assessment.triggeringEvent.id, item.assessment.dueAt, state, now],
          );
        }
        // New (or owed again): announced as due first, so a worklist opens its item even when it is already overdue.
        if (!row || row.state === "MET") {
          events.push(event(EventType.ENTITLEMENT_DUE, id, item.assessment.dueAt));
          changes.due++;
        }
        if (state === "OVERDUE") {
          events.push(event(EventType.ENTITLEMENT_OVERDUE, id, item.assessment.dueAt));
          changes.overdue++;
        }
      }
      for (const row of rows) {
        if (row.state === "MET" || stillDue.has(`${row.entitlement}\u0000${row.trigger_id}`)) continue;
        await m.query(`UPDATE victims.entitlement_clock SET state = 'MET', changed_at = $2 WHERE id = $1`, [row.id, now]);
        events.push(event(EventType.ENTITLEMENT_MET, row.id));
        changes.met++;
      }
      if (events.length) await emitEvents(m, "victims", events);
      return changes;
    });
  }
}

/** Runs the clock at once and every `intervalMs` while the subgraph serves (0: only when a tool or test calls tick). */
export function scheduleVictimsCodeClock(clock: VictimsCodeClock, intervalMs: number, logger?: Logger): () => Promise<void> {
  return repeatEvery(intervalMs, () => clock.tick(), { logger, message: "the Victims' Code clock's pass failed; the next pass tries again" });
}
