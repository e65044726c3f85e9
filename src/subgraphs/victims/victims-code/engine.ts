import { BankHolidayCalendar, ENGLAND_AND_WALES_BANK_HOLIDAYS } from "./bank-holidays";
import {
  ContactKind,
  EnhancedRightsCategory,
  EnhancedRightsReason,
  EntitlementCode,
  PoliceEventKind,
  TimelinessRule,
  VICTIMS_CODE_RULE_VERSIONS,
  VictimsCodeRight,
  VictimsCodeRuleVersion,
  ruleVersionInForce,
} from "./rules";
import type { EnhancedRightsBasis } from "./enhanced-rights";
import { londonDateOf, workingDayDeadline } from "./working-days";

/**
 * The Victims' Code timeliness engine: given what the police did and what the
 * victim was told, which timed entitlements arose, when each fell due, and
 * whether it was met.
 *
 * Pure: no clock (the caller passes `now`), no I/O. The numbers come from the
 * rule version in force on each triggering event's London date (rules.ts);
 * deadlines from working-days.ts ("within N working days" = by the end of the
 * Nth working day after the event's London date).
 */

export enum EntitlementStatus {
  /** Fulfilled on or before the deadline. */
  MET = "MET",
  /** Fulfilled, but after the deadline. */
  LATE = "LATE",
  /** Not fulfilled, and `now` is past the deadline. */
  MISSED = "MISSED",
  /** Not fulfilled, and `now` is on or before the deadline. */
  PENDING = "PENDING",
  /** The entitlement arose but does not bind: see `exception`. */
  NOT_APPLICABLE = "NOT_APPLICABLE",
}

/** Why an entitlement is NOT_APPLICABLE (DOMAIN-REFERENCE.md §8.1: a Notification's `exceptionReason`). */
export enum EntitlementException {
  /** Right 4 referral is opt-out: a victim who declined has no referral to wait for. */
  VICTIM_DECLINED_REFERRAL = "VICTIM_DECLINED_REFERRAL",
  /**
   * The event came before the earliest Code version the hub holds (a legacy
   * offence reported under an older Code): the entitlement is named as that
   * earliest version names it, but no time limit was applied, so it is
   * neither met nor missed here.
   */
  BEFORE_RULES_HELD = "BEFORE_RULES_HELD",
  /** Right 4's referral is opt-in for this victim's crime (domestic abuse), and they did not consent to it. */
  VICTIM_DID_NOT_OPT_IN = "VICTIM_DID_NOT_OPT_IN",
  /**
   * The entitlement arises only under conditions the hub's data does not
   * show (Right 11: the offence and the sentence's length), and no contact
   * shows it was owed: neither met nor missed until someone records it.
   */
  ELIGIBILITY_NOT_HELD = "ELIGIBILITY_NOT_HELD",
}

export interface PoliceEvent {
  /** Unique within the case; contacts point at it. */
  readonly id: string;
  readonly kind: PoliceEventKind;
  readonly occurredAt: Date;
}

/** A contact with (or on behalf of) the victim, by GMP or GMVS, recorded against the event it answers. */
export interface VictimContact {
  readonly kind: ContactKind;
  readonly occurredAt: Date;
  /** The police event this contact informed the victim about, or, for a referral, the crime report. */
  readonly eventId: string;
  /** Who made it (an organisation code), where it is known: reported with the entitlement it fulfilled. */
  readonly by?: string;
}

/**
 * What a caseworker (or the referral) recorded of a victim's Enhanced Rights,
 * from a date on: the categories they judged to apply, and any worked-out
 * reasons they judged not to (a flag set in error), each with why.
 */
export interface RecordedEnhancedRights {
  readonly from: Date;
  readonly categories: readonly EnhancedRightsCategory[];
  readonly withheld: readonly EnhancedRightsReason[];
}

export interface EntitlementInput {
  /** Enhanced Rights categories with no date; they count for every event. Empty for none. */
  readonly enhancedRights: readonly EnhancedRightsCategory[];
  /**
   * The case's dated record of Enhanced Rights: for an event, the latest
   * entry from on or before it decides which categories were recorded and
   * which worked-out reasons were withheld; before the first, none.
   */
  readonly enhancedRightsRecorded?: readonly RecordedEnhancedRights[];
  /** Enhanced Rights worked out from the crime (enhanced-rights.ts), each counting for events from its date on. */
  readonly enhancedRightsFrom?: readonly EnhancedRightsBasis[];
  /** The victim declined referral to support services (Right 4 is opt-out). */
  readonly referralDeclined: boolean;
  readonly policeEvents: readonly PoliceEvent[];
  readonly contacts: readonly VictimContact[];
}

export interface AssessmentOptions {
  /** The instant to judge PENDING against MISSED. Injected so results are reproducible. */
  readonly now: Date;
  readonly ruleVersions?: readonly VictimsCodeRuleVersion[];
  readonly calendar?: BankHolidayCalendar;
}

export interface EntitlementAssessment {
  readonly right: VictimsCodeRight;
  readonly rightNumber: number;
  readonly entitlement: EntitlementCode;
  readonly triggeringEvent: PoliceEvent;
  /** Whether the Enhanced Rights time applied. */
  readonly enhancedRights: boolean;
  /** Why it applied, each reason once; empty where it did not. */
  readonly enhancedRightsReasons: readonly EnhancedRightsReason[];
  /** Working days allowed; null when NOT_APPLICABLE. */
  readonly workingDaysAllowed: number | null;
  /** The last instant that counts as on time; null when NOT_APPLICABLE. */
  readonly dueAt: Date | null;
  /** The earliest contact that fulfilled it, or null. Kept even when NOT_APPLICABLE, as a fact. */
  readonly fulfilledAt: Date | null;
  /** Who made that contact (an organisation code), where the contact says. */
  readonly fulfilledBy: string | null;
  readonly status: EntitlementStatus;
  readonly exception: EntitlementException | null;
  /** The id of the rule version whose numbers were applied. */
  readonly ruleVersion: string;
}

export class VictimsCodeInputError extends Error {
  /** Matches ErrorCode.INVALID_INPUT in src/platform/errors.ts, which a resolver can pass to appError. */
  readonly code = "INVALID_INPUT";
  constructor(
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = "VictimsCodeInputError";
  }
}

const POLICE_EVENT_KINDS = new Set<string>(Object.values(PoliceEventKind));
const CONTACT_KINDS = new Set<string>(Object.values(ContactKind));
const ENHANCED_CATEGORIES = new Set<string>(Object.values(EnhancedRightsCategory));
const WORKED_OUT_REASONS = new Set<string>(Object.values(EnhancedRightsReason).filter((reason) => reason !== EnhancedRightsReason.RECORDED));

function isValidInstant(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

/**
 * Refuses input the engine could only answer by guessing: unknown enum values,
 * invalid dates, duplicate or dangling event ids, events or contacts after
 * `now`, and contacts before the event they report (a contact cannot tell the
 * victim of a decision not yet made; that is a recording error to fix at source).
 */
function validate(input: EntitlementInput, now: Date): void {
  if (!isValidInstant(now)) throw new VictimsCodeInputError("`now` is not a valid instant");
  for (const category of [...input.enhancedRights, ...(input.enhancedRightsFrom ?? []).map((b) => b.category)]) {
    if (!ENHANCED_CATEGORIES.has(category)) {
      throw new VictimsCodeInputError(`Unknown Enhanced Rights category ${JSON.stringify(category)}`, { category });
    }
  }
  for (const basis of input.enhancedRightsFrom ?? []) {
    if (basis.from !== null && !isValidInstant(basis.from)) throw new VictimsCodeInputError(`Enhanced Rights (${basis.reason}) have no valid start`);
  }
  for (const recorded of input.enhancedRightsRecorded ?? []) {
    if (!isValidInstant(recorded.from)) throw new VictimsCodeInputError("Recorded Enhanced Rights have no valid start");
    for (const category of recorded.categories) {
      if (!ENHANCED_CATEGORIES.has(category)) throw new VictimsCodeInputError(`Unknown Enhanced Rights category ${JSON.stringify(category)}`, { category });
    }
    for (const reason of recorded.withheld) {
      if (!WORKED_OUT_REASONS.has(reason)) throw new VictimsCodeInputError(`Only a reason worked out from the crime can be withheld, not ${JSON.stringify(reason)}`, { reason });
    }
  }
  const events = new Map<string, PoliceEvent>();
  for (const event of input.policeEvents) {
    if (typeof event.id !== "string" || event.id === "") throw new VictimsCodeInputError("A police event has no id");
    if (events.has(event.id)) throw new VictimsCodeInputError(`Duplicate police event id ${event.id}`, { eventId: event.id });
    if (!POLICE_EVENT_KINDS.has(event.kind)) {
      throw new VictimsCodeInputError(`Unknown police event kind ${JSON.stringify(event.kind)}`, { eventId: event.id });
    }
    if (!isValidInstant(event.occurredAt)) {
      throw new VictimsCodeInputError(`Police event ${event.id} has no valid occurredAt`, { eventId: event.id });
    }
    if (event.occurredAt.getTime() > now.getTime()) {
      throw new VictimsCodeInputError(`Police event ${event.id} is after now`, { eventId: event.id });
    }
    events.set(event.id, event);
  }
  input.contacts.forEach((contact, index) => {
    if (!CONTACT_KINDS.has(contact.kind)) {
      throw new VictimsCodeInputError(`Unknown contact kind ${JSON.stringify(contact.kind)}`, { contactIndex: index });
    }
    if (!isValidInstant(contact.occurredAt)) {
      throw new VictimsCodeInputError(`Contact ${index} has no valid occurredAt`, { contactIndex: index });
    }
    const event = events.get(contact.eventId);
    if (!event) {
      throw new VictimsCodeInputError(`Contact ${index} refers to unknown police event ${contact.eventId}`, {
        contactIndex: index,
        eventId: contact.eventId,
      });
    }
    if (contact.occurredAt.getTime() < event.occurredAt.getTime()) {
      throw new VictimsCodeInputError(`Contact ${index} is before the event ${event.id} it reports`, {
        contactIndex: index,
        eventId: event.id,
      });
    }
    if (contact.occurredAt.getTime() > now.getTime()) {
      throw new VictimsCodeInputError(`Contact ${index} is after now`, { contactIndex: index });
    }
  });
}

function earliestFulfilment(rule: TimelinessRule, event: PoliceEvent, contacts: readonly VictimContact[]): VictimContact | null {
  let earliest: VictimContact | null = null;
  for (const contact of contacts) {
    if (contact.eventId !== event.id || contact.kind !== rule.fulfilledBy) continue;
    if (!earliest || contact.occurredAt.getTime() < earliest.occurredAt.getTime()) earliest = contact;
  }
  return earliest;
}

function judge(dueAt: Date, fulfilledAt: Date | null, now: Date): EntitlementStatus {
  // On time means at or before the last instant of the last working day.
  if (fulfilledAt) return fulfilledAt.getTime() <= dueAt.getTime() ? EntitlementStatus.MET : EntitlementStatus.LATE;
  return now.getTime() > dueAt.getTime() ? EntitlementStatus.MISSED : EntitlementStatus.PENDING;
}

/**
 * One result per (police event, timeliness rule it triggers) under the rule
 * version in force on the event's London date, ordered by event time.
 *
 * A victim who declined referral still gets a Right 4 row, with status
 * NOT_APPLICABLE and exception VICTIM_DECLINED_REFERRAL (VICTIM_DID_NOT_OPT_IN
 * where the crime makes referral opt-in), rather than no row:
 * compliance reports can then count opt-outs and tell them apart from cases
 * where the crime report was never recorded.
 *
 * An event before the earliest rule version held gets its rows too, each
 * NOT_APPLICABLE with exception BEFORE_RULES_HELD: a legacy offence referred
 * now is recorded and reported as untimed, not refused and not guessed at.
 *
 * Enhanced Rights recorded on the case (`enhancedRightsRecorded`) and those
 * worked out from the crime (`enhancedRightsFrom`) count from their own
 * dates, so a reclassification to stalking, or a caseworker's judgement that
 * the victim is vulnerable, shortens the clocks of the decisions after it,
 * not before; a caseworker's record can also withhold a worked-out reason.
 *
 * Contacts that answer no entitlement (say, a TOLD_OF_DECISION about the crime
 * report) are accepted and simply do not count.
 */
export function assessEntitlements(input: EntitlementInput, options: AssessmentOptions): EntitlementAssessment[] {
  const { now } = options;
  const versions = options.ruleVersions ?? VICTIMS_CODE_RULE_VERSIONS;
  const calendar = options.calendar ?? ENGLAND_AND_WALES_BANK_HOLIDAYS;
  validate(input, now);

  const ordered = [...input.policeEvents].sort(
    (a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const results: EntitlementAssessment[] = [];
  const earliest = [...versions].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1))[0];
  for (const event of ordered) {
    const date = londonDateOf(event.occurredAt);
    const beforeRules = earliest !== undefined && date < earliest.effectiveFrom;
    const version = beforeRules ? earliest : ruleVersionInForce(date, versions);
    const reasons = enhancedRightsReasons(input, version, event.occurredAt);
    const enhanced = reasons.length > 0;
    for (const rule of version.timeliness) {
      if (!rule.triggers.some((trigger) => trigger.event === event.kind)) continue;
      const rightNumber = version.rights.find((r) => r.right === rule.right)?.number;
      if (rightNumber === undefined) throw new Error(`Rule version ${version.id} has no right ${rule.right}`);
      const fulfilment = earliestFulfilment(rule, event, input.contacts);
      const fulfilledAt = fulfilment?.occurredAt ?? null;
      const common = {
        right: rule.right,
        rightNumber,
        entitlement: rule.entitlement,
        triggeringEvent: event,
        enhancedRights: enhanced,
        enhancedRightsReasons: reasons,
        fulfilledAt,
        fulfilledBy: fulfilment?.by ?? null,
        ruleVersion: version.id,
      };
      if (beforeRules) {
        results.push({ ...common, workingDaysAllowed: null, dueAt: null, status: EntitlementStatus.NOT_APPLICABLE, exception: EntitlementException.BEFORE_RULES_HELD });
        continue;
      }
      const exception = exceptionOf(rule, input, reasons, fulfilment);
      if (exception) {
        results.push({ ...common, workingDaysAllowed: null, dueAt: null, status: EntitlementStatus.NOT_APPLICABLE, exception });
        continue;
      }
      const workingDaysAllowed = enhanced ? rule.enhancedWorkingDays : rule.standardWorkingDays;
      const dueAt = workingDayDeadline(event.occurredAt, workingDaysAllowed, calendar);
      results.push({ ...common, workingDaysAllowed, dueAt, status: judge(dueAt, fulfilledAt, now), exception: null });
    }
  }
  return results;
}

/**
 * Why a rule that an event triggered does not bind, or null where it does:
 * a referral the victim declined (or, for an opt-in crime, did not ask
 * for), or an entitlement whose eligibility the data does not show and no
 * contact has shown (a recorded Victim Contact Scheme referral shows the
 * victim was eligible, so it is judged against its time).
 */
function exceptionOf(
  rule: TimelinessRule,
  input: EntitlementInput,
  reasons: readonly EnhancedRightsReason[],
  fulfilment: VictimContact | null,
): EntitlementException | null {
  if (rule.victimMayDecline && input.referralDeclined) {
    const optIn = rule.optInFor?.some((reason) => reasons.includes(reason)) ?? false;
    return optIn ? EntitlementException.VICTIM_DID_NOT_OPT_IN : EntitlementException.VICTIM_DECLINED_REFERRAL;
  }
  if (rule.eligibilityNotHeld !== undefined && fulfilment === null) return EntitlementException.ELIGIBILITY_NOT_HELD;
  return null;
}

/** The latest recorded entry in force at `at`, or null before the first. */
function recordedAt(input: EntitlementInput, at: Date): RecordedEnhancedRights | null {
  let latest: RecordedEnhancedRights | null = null;
  for (const recorded of input.enhancedRightsRecorded ?? []) {
    if (recorded.from.getTime() <= at.getTime() && (!latest || recorded.from.getTime() >= latest.from.getTime())) latest = recorded;
  }
  return latest;
}

/**
 * The reasons, each once, that give Enhanced Rights on `at` under `version`:
 * undated categories always; recorded ones and worked-out ones from their
 * date, less any worked-out reason the record in force withholds.
 */
function enhancedRightsReasons(input: EntitlementInput, version: VictimsCodeRuleVersion, at: Date): EnhancedRightsReason[] {
  const reasons = new Set<EnhancedRightsReason>();
  const recorded = recordedAt(input, at);
  const recordedCategories = [...input.enhancedRights, ...(recorded?.categories ?? [])];
  if (recordedCategories.some((category) => version.enhancedRights.categories.includes(category))) reasons.add(EnhancedRightsReason.RECORDED);
  for (const basis of input.enhancedRightsFrom ?? []) {
    if (recorded?.withheld.includes(basis.reason)) continue;
    if (version.enhancedRights.categories.includes(basis.category) && (basis.from === null || basis.from.getTime() <= at.getTime())) reasons.add(basis.reason);
  }
  return [...reasons];
}

export type StatusCounts = { readonly [S in EntitlementStatus]: number } & { readonly total: number };

/**
 * Counts of each status per entitlement, every entitlement present (zeros
 * included) so the shape does not depend on the data. `total` counts every
 * row, NOT_APPLICABLE included.
 */
export function complianceSummary(results: readonly EntitlementAssessment[]): Record<EntitlementCode, StatusCounts> {
  const empty = (): Record<EntitlementStatus | "total", number> => ({
    [EntitlementStatus.MET]: 0,
    [EntitlementStatus.LATE]: 0,
    [EntitlementStatus.MISSED]: 0,
    [EntitlementStatus.PENDING]: 0,
    [EntitlementStatus.NOT_APPLICABLE]: 0,
    total: 0,
  });
  // Filled for every code on the next line, before anyone reads it.
  const summary = {} as Record<EntitlementCode, Record<EntitlementStatus | "total", number>>;
  for (const code of Object.values(EntitlementCode)) summary[code] = empty();
  for (const result of results) {
    summary[result.entitlement][result.status] += 1;
    summary[result.entitlement].total += 1;
  }
  return summary;
}
