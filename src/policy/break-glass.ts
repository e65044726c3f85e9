import { appError, ErrorCode } from "../platform/errors";
import { Principal, Role } from "../platform/principal";

/**
 * Break-glass: a supervisor overrides a refusal in an emergency, on the
 * record. The header carries `<reference>: <justification>`:
 *
 *   x-break-glass-reason: GMP-20261201-0001: Immediate risk to life reported by a neighbour; welfare visit now
 *
 * The reference (everything before the first colon) names the incident or
 * safeguarding referral that justifies it and must match
 * BREAK_GLASS_REFERENCE_PATTERN in full; the justification says why, in
 * words. Plain text rather than JSON so a front end can build it from two
 * inputs; HTTP header values are Latin-1, so send ASCII.
 */
export const BREAK_GLASS_HEADER = "x-break-glass-reason";
/** A justification is a sentence, not a code: at least this many characters and MIN_JUSTIFICATION_WORDS words. */
export const MIN_BREAK_GLASS_JUSTIFICATION = 20;
const MIN_JUSTIFICATION_WORDS = 3;
/** The whole header; a reason is a sentence or two, and the audit keeps every character of it. */
export const MAX_BREAK_GLASS_REASON = 1_000;
/** The audit reason of a release that only break-glass allowed, and of one refused over the daily cap. */
export const BREAK_GLASS_GRANTED = "BREAK_GLASS";
export const BREAK_GLASS_LIMIT_REACHED = "BREAK_GLASS_LIMIT_REACHED";

export interface BreakGlassSettings {
  /** Matches a whole reference (config.ts anchors it). */
  referencePattern: RegExp;
  /** Requests a supervisor may break glass on per day (Europe/London); 0: never. */
  dailyCap: number;
}

export interface BreakGlassReason {
  reference: string;
  justification: string;
  /** As audited and shown to the data owner: `<reference>: <justification>`. */
  text: string;
}

/**
 * The reason in the header, checked by the gateway and again by every
 * subgraph (none trusts the network). None sent: null. A reason that is not
 * well formed grants nothing: the request is refused (400 INVALID_INPUT)
 * before anything runs, so the supervisor can correct it at once rather than
 * read a refusal that looks like any other; so is one sent by anyone but a
 * supervisor (403 FORBIDDEN, ROLE_NOT_PERMITTED).
 */
export function breakGlassRequest(header: string | string[] | undefined, principal: Principal, settings: Pick<BreakGlassSettings, "referencePattern">): BreakGlassReason | null {
  const value = Array.isArray(header) ? header.join(", ") : header;
  if (value === undefined || value.trim() === "") return null;
  const reason = parseBreakGlassReason(value, settings.referencePattern);
  if (!principal.roles.includes(Role.SUPERVISOR)) {
    throw appError(ErrorCode.FORBIDDEN, "Only a supervisor may break glass", { reason: "ROLE_NOT_PERMITTED", header: BREAK_GLASS_HEADER, http: { status: 403 } });
  }
  return reason;
}

export function parseBreakGlassReason(value: string, referencePattern: RegExp): BreakGlassReason {
  if (value.length > MAX_BREAK_GLASS_REASON) throw malformed(`is at most ${MAX_BREAK_GLASS_REASON} characters`);
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (/[\u0000-\u001f\u007f]/.test(value)) throw malformed("is one line of text");
  const colon = value.indexOf(":");
  if (colon < 0) throw malformed("must be '<reference>: <justification>', e.g. 'GMP-20261201-0001: Immediate risk to life reported by a neighbour'");
  const reference = value.slice(0, colon).trim();
  const justification = value.slice(colon + 1).trim().replace(/\s+/g, " ");
  if (!referencePattern.test(reference)) {
    throw malformed(`must start with an incident or safeguarding reference this hub accepts (${referencePattern.source.replace(/^\^\(\?:(.*)\)\$$/, "$1")}), then a colon`);
  }
  const words = justification.match(/\p{L}{2,}/gu) ?? [];
  if (justification.length < MIN_BREAK_GLASS_JUSTIFICATION || words.length < MIN_JUSTIFICATION_WORDS) {
    throw malformed(`must justify the override after the reference, in at least ${MIN_BREAK_GLASS_JUSTIFICATION} characters and ${MIN_JUSTIFICATION_WORDS} words`);
  }
  return { reference, justification, text: `${reference}: ${justification}` };
}

function malformed(rule: string) {
  return appError(ErrorCode.INVALID_INPUT, `The break-glass reason (${BREAK_GLASS_HEADER}) ${rule}; nothing was run`, {
    header: BREAK_GLASS_HEADER,
    http: { status: 400 },
  });
}

/** The refusal a supervisor over the daily cap reads: the ordinary decisions stand. */
export function breakGlassLimitReached(dailyCap: number) {
  return appError(ErrorCode.FORBIDDEN, `Break-glass refused: you have used it ${dailyCap} times today, the most allowed; only what you may see without it was released`, {
    reason: BREAK_GLASS_LIMIT_REACHED,
    header: BREAK_GLASS_HEADER,
  });
}

/** The day a cap counts within: Greater Manchester's, so it turns at local midnight through summer time too. */
const LONDON = "Europe/London";

/** Local midnight in London of the day `now` falls in, as an instant. */
export function startOfLondonDay(now: Date): Date {
  const offset = (at: Date) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat("en-GB", { timeZone: LONDON, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
        .formatToParts(at)
        .map((p) => [p.type, Number(p.value)]),
    );
    return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - Math.floor(at.getTime() / 1000) * 1000;
  };
  const local = new Date(now.getTime() + offset(now));
  const midnightAsUtc = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  // The offset at midnight, not now: the clocks change at 01:00 UTC, after midnight on either side.
  return new Date(midnightAsUtc - offset(new Date(midnightAsUtc - offset(now))));
}
