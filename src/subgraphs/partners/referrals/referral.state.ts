import { REFERRAL_TRANSITIONS, ReferralAction, ReferralStatus } from "../../../../connectors/partners";
import { appError, ErrorCode } from "../../../platform/errors";

/**
 * The referral out (GMVS → partner) state machine: the one function every
 * change of a referral goes through (STYLE.md). Issue 5: SENT, RECEIVED,
 * ACCEPTED, DECLINED (with a reason), WITHDRAWN, CLOSED, each with a
 * timestamp; issue 9: the partner receives, accepts or declines with a
 * reason, and records first contact for the waiting time.
 *
 *   SENT ──receive──▶ RECEIVED ──accept──▶ ACCEPTED ──close──▶ CLOSED
 *     │                  │  └──decline──▶ DECLINED ───close──▶ CLOSED
 *     └──────withdraw────┴──────withdraw (also from ACCEPTED)─▶ WITHDRAWN ──close──▶ CLOSED
 *
 * The partner's half (receive, accept, decline) is the connectors' own table
 * (connectors/partners.ts, REFERRAL_TRANSITIONS), so a referral moves the same
 * way in the hub and in a partner's system. Withdrawing (GMVS, e.g. the victim
 * withdrew) and closing (GMVS closes the loop, or support ended) happen only
 * in GMVS. Recording first contact changes no state; it is allowed while the
 * partner is working the referral.
 */
export enum ReferralTransition {
  RECEIVE = "RECEIVE",
  ACCEPT = "ACCEPT",
  DECLINE = "DECLINE",
  WITHDRAW = "WITHDRAW",
  CLOSE = "CLOSE",
  RECORD_FIRST_CONTACT = "RECORD_FIRST_CONTACT",
}

/** From which states each transition may start, and where it leads (null: the state stays). */
export const REFERRAL_STATE_MACHINE: Readonly<Record<ReferralTransition, { from: readonly ReferralStatus[]; to: ReferralStatus | null }>> = {
  [ReferralTransition.RECEIVE]: REFERRAL_TRANSITIONS[ReferralAction.RECEIVE],
  [ReferralTransition.ACCEPT]: REFERRAL_TRANSITIONS[ReferralAction.ACCEPT],
  [ReferralTransition.DECLINE]: REFERRAL_TRANSITIONS[ReferralAction.DECLINE],
  [ReferralTransition.WITHDRAW]: { from: [ReferralStatus.SENT, ReferralStatus.RECEIVED, ReferralStatus.ACCEPTED], to: ReferralStatus.WITHDRAWN },
  [ReferralTransition.CLOSE]: { from: [ReferralStatus.ACCEPTED, ReferralStatus.DECLINED, ReferralStatus.WITHDRAWN], to: ReferralStatus.CLOSED },
  [ReferralTransition.RECORD_FIRST_CONTACT]: { from: [ReferralStatus.RECEIVED, ReferralStatus.ACCEPTED], to: null },
};

/** Where a referral's relationship (the partner's reason to see the victim's data) ends: it was declined, withdrawn or closed. */
export const RELATIONSHIP_ENDS_AT: ReadonlySet<ReferralStatus> = new Set([ReferralStatus.DECLINED, ReferralStatus.WITHDRAWN, ReferralStatus.CLOSED]);

/** A partner's clock may run a little ahead of ours; a first contact later than this after now is refused as not yet happened. */
export const FIRST_CONTACT_CLOCK_SKEW_MS = 5 * 60 * 1000;

/** What the state machine reads and writes of a referral. */
export interface ReferralState {
  status: ReferralStatus;
  sentAt: Date;
  receivedAt: Date | null;
  acceptedAt: Date | null;
  declinedAt: Date | null;
  declineReason: string | null;
  withdrawnAt: Date | null;
  withdrawReason: string | null;
  closedAt: Date | null;
  firstContactAt: Date | null;
}

export type ReferralCommand =
  | { transition: ReferralTransition.RECEIVE | ReferralTransition.ACCEPT | ReferralTransition.CLOSE }
  | { transition: ReferralTransition.DECLINE | ReferralTransition.WITHDRAW; reason: string }
  | { transition: ReferralTransition.RECORD_FIRST_CONTACT; at: Date };

export interface TransitionResult<T extends ReferralState> {
  referral: T;
  /** false: a repeat of a transition already made with the same data; nothing to write. */
  changed: boolean;
}

/**
 * The referral after the command, or the same referral unchanged when the
 * command repeats one already applied with the same data (a retried request
 * is harmless). Refuses with INVALID_INPUT a command whose data is wrong (a
 * decline or withdrawal without a reason, a first contact before the referral
 * was sent or in the future) and with CONFLICT, naming the current state,
 * every transition the table does not allow from it. Pure: never changes its
 * argument.
 */
export function applyReferralTransition<T extends ReferralState>(referral: T, command: ReferralCommand, now: Date): TransitionResult<T> {
  const { from, to } = REFERRAL_STATE_MACHINE[command.transition];
  const unchanged = { referral, changed: false };
  const refuse = (why?: string) =>
    appError(
      ErrorCode.CONFLICT,
      why ?? `Cannot ${verb(command.transition)} a referral that is ${referral.status}`,
      { currentStatus: referral.status, transition: command.transition },
    );

  switch (command.transition) {
    case ReferralTransition.DECLINE:
    case ReferralTransition.WITHDRAW: {
      const reason = command.reason.trim();
      if (reason === "") throw appError(ErrorCode.INVALID_INPUT, `A ${command.transition === ReferralTransition.DECLINE ? "decline" : "withdrawal"} needs a reason`, { argument: "reason" });
      const recorded = command.transition === ReferralTransition.DECLINE ? referral.declineReason : referral.withdrawReason;
      if (referral.status === to) {
        if (recorded === reason) return unchanged;
        throw refuse(`This referral is already ${referral.status} with a different reason`);
      }
      if (!from.includes(referral.status)) throw refuse();
      return command.transition === ReferralTransition.DECLINE
        ? { referral: { ...referral, status: ReferralStatus.DECLINED, declinedAt: now, declineReason: reason }, changed: true }
        : { referral: { ...referral, status: ReferralStatus.WITHDRAWN, withdrawnAt: now, withdrawReason: reason }, changed: true };
    }
    case ReferralTransition.RECORD_FIRST_CONTACT: {
      const at = command.at;
      if (Number.isNaN(at.getTime())) throw appError(ErrorCode.INVALID_INPUT, "First contact needs a valid time", { argument: "at" });
      if (referral.firstContactAt !== null) {
        if (referral.firstContactAt.getTime() === at.getTime()) return unchanged;
        throw refuse(`First contact was already recorded at ${referral.firstContactAt.toISOString()}`);
      }
      if (!from.includes(referral.status)) throw refuse();
      if (at < referral.sentAt) throw appError(ErrorCode.INVALID_INPUT, "First contact cannot be before the referral was sent", { argument: "at" });
      if (at.getTime() > now.getTime() + FIRST_CONTACT_CLOCK_SKEW_MS) throw appError(ErrorCode.INVALID_INPUT, "First contact cannot be in the future", { argument: "at" });
      return { referral: { ...referral, firstContactAt: at }, changed: true };
    }
    case ReferralTransition.RECEIVE:
    case ReferralTransition.ACCEPT:
    case ReferralTransition.CLOSE: {
      if (referral.status === to) return unchanged;
      if (!from.includes(referral.status)) throw refuse();
      const stamp =
        command.transition === ReferralTransition.RECEIVE ? { receivedAt: now } : command.transition === ReferralTransition.ACCEPT ? { acceptedAt: now } : { closedAt: now };
      return { referral: { ...referral, status: to as ReferralStatus, ...stamp }, changed: true };
    }
  }
}

function verb(transition: ReferralTransition): string {
  return transition === ReferralTransition.RECORD_FIRST_CONTACT ? "record first contact on" : transition.toLowerCase();
}

const MS_PER_HOUR = 3_600_000;

/**
 * Waiting time in hours (elapsed clock hours, two decimals), null until the
 * later event has happened. Hours rather than days: first contact is often the
 * same day, and a commissioner's report can always sum hours into days, never
 * the reverse. Not working days: the Victims' Code deadlines (working days)
 * are the victims subgraph's rules; this is the plain wait a victim lived.
 */
export function waitingHours(from: Date, to: Date | null): number | null {
  if (to === null) return null;
  return Math.round(((to.getTime() - from.getTime()) / MS_PER_HOUR) * 100) / 100;
}
