/**
 * Matching an incoming referral's person to people GMVS already knows.
 *
 * Two different people must never become one record (issue 5): only an exact
 * identifier matches automatically, and never where both records hold a date
 * of birth and the dates differ. Anything else similar enough becomes a
 * scored candidate for a caseworker to confirm or reject; a score alone never
 * merges anyone. Pure: no I/O.
 */

export interface PersonDetails {
  readonly policeVictimRef?: string | null;
  readonly givenName?: string | null;
  readonly familyName?: string | null;
  /** "YYYY-MM-DD". */
  readonly dateOfBirth?: string | null;
  readonly email?: string | null;
  readonly phone?: string | null;
  readonly postcode?: string | null;
}

export interface KnownPerson extends PersonDetails {
  readonly id: string;
}

export enum ExactIdentifier {
  POLICE_VICTIM_REF = "POLICE_VICTIM_REF",
  EMAIL_AND_DATE_OF_BIRTH = "EMAIL_AND_DATE_OF_BIRTH",
  PHONE_AND_DATE_OF_BIRTH = "PHONE_AND_DATE_OF_BIRTH",
}

export enum MatchReason {
  SIMILAR_NAME = "SIMILAR_NAME",
  SAME_DATE_OF_BIRTH = "SAME_DATE_OF_BIRTH",
  SAME_POSTCODE = "SAME_POSTCODE",
  /** An identifier matched exactly but something stopped it matching automatically (a differing date of birth, or two people). */
  SAME_IDENTIFIER = "SAME_IDENTIFIER",
  DIFFERENT_DATE_OF_BIRTH = "DIFFERENT_DATE_OF_BIRTH",
}

/**
 * Weights and threshold of the scored match. Local choices, not a standard:
 * name and date of birth weigh most, a shared postcode adds some; a
 * differing date of birth takes away more than a postcode adds. Below the
 * threshold nobody is asked to look.
 */
export const MATCH_WEIGHTS = { name: 0.45, dateOfBirth: 0.4, postcode: 0.15, identifier: 0.3, differentDateOfBirth: -0.3 } as const;
export const CANDIDATE_THRESHOLD = 0.55;
/** Jaro-Winkler similarity from which two names count as similar. */
export const NAME_SIMILARITY_FLOOR = 0.85;

export interface Candidate {
  readonly person: KnownPerson;
  /** 0 to 1, three decimals. */
  readonly score: number;
  readonly reasons: MatchReason[];
}

export interface MatchOutcome {
  /** The one known person the details identify exactly, or null. */
  readonly exact: { person: KnownPerson; identifier: ExactIdentifier } | null;
  /** People to put to a caseworker, best first. Empty when `exact` is set. */
  readonly candidates: Candidate[];
}

const clean = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

export function normaliseEmail(email: string | null | undefined): string | null {
  return clean(email)?.toLowerCase() ?? null;
}

/** UK numbers: digits only, +44 / 0044 read as a leading 0. */
export function normalisePhone(phone: string | null | undefined): string | null {
  const digits = clean(phone)?.replace(/\D/g, "") ?? "";
  if (!digits) return null;
  if (digits.startsWith("0044")) return `0${digits.slice(4)}`;
  if (digits.startsWith("44") && digits.length === 12) return `0${digits.slice(2)}`;
  return digits;
}

export function normalisePostcode(postcode: string | null | undefined): string | null {
  return clean(postcode)?.replace(/\s+/g, "").toUpperCase() ?? null;
}

function normaliseName(person: PersonDetails): string | null {
  const name = [person.givenName, person.familyName]
    .map((part) => clean(part)?.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z ]/g, " "))
    .filter(Boolean)
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
  return name || null;
}

/** Both hold a date of birth and the dates differ: never the same person automatically. */
export function datesOfBirthDiffer(a: PersonDetails, b: PersonDetails): boolean {
  const x = clean(a.dateOfBirth);
  const y = clean(b.dateOfBirth);
  return x !== null && y !== null && x !== y;
}

function sameDateOfBirth(a: PersonDetails, b: PersonDetails): boolean {
  const x = clean(a.dateOfBirth);
  return x !== null && x === clean(b.dateOfBirth);
}

/** The exact identifier two records share, or null. Never where the dates of birth differ. */
export function exactIdentifier(incoming: PersonDetails, known: PersonDetails): ExactIdentifier | null {
  if (datesOfBirthDiffer(incoming, known)) return null;
  const ref = clean(incoming.policeVictimRef);
  if (ref !== null && ref === clean(known.policeVictimRef)) return ExactIdentifier.POLICE_VICTIM_REF;
  if (!sameDateOfBirth(incoming, known)) return null;
  const email = normaliseEmail(incoming.email);
  if (email !== null && email === normaliseEmail(known.email)) return ExactIdentifier.EMAIL_AND_DATE_OF_BIRTH;
  const phone = normalisePhone(incoming.phone);
  if (phone !== null && phone === normalisePhone(known.phone)) return ExactIdentifier.PHONE_AND_DATE_OF_BIRTH;
  return null;
}

/** Shares an identifier (police ref, email or phone), whatever the dates of birth say. */
function sharesIdentifier(a: PersonDetails, b: PersonDetails): boolean {
  const ref = clean(a.policeVictimRef);
  const email = normaliseEmail(a.email);
  const phone = normalisePhone(a.phone);
  return (
    (ref !== null && ref === clean(b.policeVictimRef)) ||
    (email !== null && email === normaliseEmail(b.email)) ||
    (phone !== null && phone === normalisePhone(b.phone))
  );
}

/** Jaro-Winkler similarity, 0 to 1 (Winkler 1990). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (!a.length || !b.length) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - window); j < Math.min(b.length, i + window + 1); j++) {
      if (bMatched[j] || a[i] !== b[j]) continue;
      aMatched[i] = bMatched[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[k]) k++;
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < Math.min(4, a.length, b.length) && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** The scored likeness of two records, 0 to 1, with the reasons that made it. */
export function matchScore(incoming: PersonDetails, known: PersonDetails): { score: number; reasons: MatchReason[] } {
  const reasons: MatchReason[] = [];
  let score = 0;
  const a = normaliseName(incoming);
  const b = normaliseName(known);
  if (a !== null && b !== null) {
    const similarity = jaroWinkler(a, b);
    if (similarity >= NAME_SIMILARITY_FLOOR) {
      score += MATCH_WEIGHTS.name * similarity;
      reasons.push(MatchReason.SIMILAR_NAME);
    }
  }
  if (sameDateOfBirth(incoming, known)) {
    score += MATCH_WEIGHTS.dateOfBirth;
    reasons.push(MatchReason.SAME_DATE_OF_BIRTH);
  } else if (datesOfBirthDiffer(incoming, known)) {
    score += MATCH_WEIGHTS.differentDateOfBirth;
    reasons.push(MatchReason.DIFFERENT_DATE_OF_BIRTH);
  }
  const postcode = normalisePostcode(incoming.postcode);
  if (postcode !== null && postcode === normalisePostcode(known.postcode)) {
    score += MATCH_WEIGHTS.postcode;
    reasons.push(MatchReason.SAME_POSTCODE);
  }
  if (sharesIdentifier(incoming, known)) {
    score += MATCH_WEIGHTS.identifier;
    reasons.push(MatchReason.SAME_IDENTIFIER);
  }
  return { score: Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000, reasons };
}

/**
 * Exact identifiers first: one known person identified exactly is the match.
 * Two or more identified exactly cannot both be this person, so none is taken
 * and all go to a caseworker. Otherwise, everyone scoring at or above the
 * threshold is a candidate; a known person sharing an identifier but with a
 * differing date of birth is always put to a caseworker.
 */
export function matchPerson(incoming: PersonDetails, known: readonly KnownPerson[]): MatchOutcome {
  const exact = known.flatMap((person) => {
    const identifier = exactIdentifier(incoming, person);
    return identifier ? [{ person, identifier }] : [];
  });
  if (exact.length === 1) return { exact: exact[0]!, candidates: [] };
  const candidates = known
    .map((person) => ({ person, ...matchScore(incoming, person) }))
    .filter((c) => c.score >= CANDIDATE_THRESHOLD || c.reasons.includes(MatchReason.SAME_IDENTIFIER))
    .sort((x, y) => y.score - x.score || x.person.id.localeCompare(y.person.id));
  return { exact: null, candidates };
}
