import { OrganisationCode } from "../platform/domain";
import { Principal, Purpose, Role } from "../platform/principal";
import { DataCategory } from "./categories";

export enum DenyReason {
  NOT_AUTHENTICATED = "NOT_AUTHENTICATED",
  NO_AGREEMENT = "NO_AGREEMENT",
  PURPOSE_NOT_COVERED = "PURPOSE_NOT_COVERED",
  NO_CONSENT = "NO_CONSENT",
  CONSENT_WITHDRAWN = "CONSENT_WITHDRAWN",
  NO_RELATIONSHIP = "NO_RELATIONSHIP",
  ROLE_NOT_PERMITTED = "ROLE_NOT_PERMITTED",
}

/** UK GDPR Art. 6 bases (and the DPA 2018 Sch. 1 safeguarding condition for special category data). */
export enum LawfulBasis {
  CONSENT = "CONSENT",
  LEGAL_OBLIGATION = "LEGAL_OBLIGATION",
  PUBLIC_TASK = "PUBLIC_TASK",
  VITAL_INTERESTS = "VITAL_INTERESTS",
  SAFEGUARDING = "SAFEGUARDING",
}

export interface Agreement {
  id: string;
  version: number;
  holder: OrganisationCode;
  recipients: OrganisationCode[];
  categories: DataCategory[];
  purposes: Purpose[];
  lawfulBasis: LawfulBasis;
  requiresConsent: boolean;
  startsOn: Date;
  /** null: open-ended until reviewed. */
  endsOn: Date | null;
}

export interface Consent {
  id: string;
  subjectId: string;
  recipient: OrganisationCode;
  categories: DataCategory[];
  purposes: Purpose[];
  givenAt: Date;
  withdrawnAt: Date | null;
}

/** An open case, referral or episode that gives an organisation a reason to see a subject's data. */
export interface Relationship {
  subjectId: string;
  organisation: OrganisationCode;
  kind: string;
  openedAt: Date;
  closedAt: Date | null;
}

/** What decide() may know about one subject, loaded per request (nothing outlives it). */
export interface PolicyFacts {
  agreements: readonly Agreement[];
  consents: readonly Consent[];
  relationships: readonly Relationship[];
  now: Date;
}

/** The data asked for: about whom, held by whom. A subject not known to governance is null. */
export interface Subject {
  id: string | null;
  holder: OrganisationCode;
}

export type AccessDecision =
  | {
      decision: "ALLOW";
      /** REFERRAL_ADDRESSEE: a referral's own status and times, to the organisation it is addressed to (see ReleasedToAddressee in sensitive.ts); never from decide(). */
      basis: "OWN_RECORD" | "AGREEMENT" | "REFERRAL_ADDRESSEE";
      agreementId: string | null;
      consentId: string | null;
    }
  | { decision: "DENY"; reason: DenyReason; agreementId: string | null; consentId: string | null };

/**
 * Roles that may see personal data at all. Analysts and commissioners work on
 * aggregates only (DESIGN.md, insights); administrators manage agreements, not cases.
 */
const ROLES_SEEING_PERSONAL_DATA: ReadonlySet<Role> = new Set([Role.CASEWORKER, Role.SUPERVISOR]);

const deny = (reason: DenyReason, agreementId: string | null = null, consentId: string | null = null): AccessDecision => ({
  decision: "DENY",
  reason,
  agreementId,
  consentId,
});

const inForce = (agreement: Agreement, now: Date) => agreement.startsOn <= now && (agreement.endsOn === null || now < agreement.endsOn);

/**
 * The access decision (DESIGN.md): deny by default. In order:
 * 1. no principal: NOT_AUTHENTICATED;
 * 2. a role that sees no personal data: ROLE_NOT_PERMITTED;
 * 3. the holder's own record: ALLOW (its own staff, for its own purposes);
 * 4. no open relationship between the asker and the subject: NO_RELATIONSHIP;
 * 5. no agreement in force from the holder to the asker for the category:
 *    NO_AGREEMENT, or PURPOSE_NOT_COVERED where one covers the category but
 *    not this purpose;
 * 6. an agreement whose lawful basis needs consent: a consent in force from the
 *    subject to the asker for the category and purpose, else CONSENT_WITHDRAWN
 *    where the only such consent was withdrawn, else NO_CONSENT.
 * Any agreement that does not need consent (a legal obligation, safeguarding)
 * allows without one.
 */
export function decide(
  principal: Principal | null,
  subject: Subject,
  category: DataCategory,
  purpose: Purpose,
  facts: PolicyFacts,
): AccessDecision {
  if (!principal) return deny(DenyReason.NOT_AUTHENTICATED);
  if (!principal.roles.some((role) => ROLES_SEEING_PERSONAL_DATA.has(role))) return deny(DenyReason.ROLE_NOT_PERMITTED);
  if (principal.organisation === subject.holder) return { decision: "ALLOW", basis: "OWN_RECORD", agreementId: null, consentId: null };

  const asker = principal.organisation;
  const related = subject.id !== null && facts.relationships.some((r) => r.subjectId === subject.id && r.organisation === asker && r.closedAt === null);
  if (!related) return deny(DenyReason.NO_RELATIONSHIP);

  const covering = facts.agreements.filter(
    (a) => a.holder === subject.holder && a.recipients.includes(asker) && a.categories.includes(category) && inForce(a, facts.now),
  );
  if (covering.length === 0) return deny(DenyReason.NO_AGREEMENT);
  const forPurpose = covering.filter((a) => a.purposes.includes(purpose));
  if (forPurpose.length === 0) return deny(DenyReason.PURPOSE_NOT_COVERED, covering[0]?.id ?? null);

  const withoutConsent = forPurpose.find((a) => !a.requiresConsent);
  if (withoutConsent) return { decision: "ALLOW", basis: "AGREEMENT", agreementId: withoutConsent.id, consentId: null };

  const agreement = forPurpose[0] as Agreement;
  const matching = facts.consents.filter(
    (c) => c.subjectId === subject.id && c.recipient === asker && c.categories.includes(category) && c.purposes.includes(purpose) && c.givenAt <= facts.now,
  );
  const current = matching.find((c) => c.withdrawnAt === null || c.withdrawnAt > facts.now);
  if (current) return { decision: "ALLOW", basis: "AGREEMENT", agreementId: agreement.id, consentId: current.id };
  const withdrawn = matching[0];
  if (withdrawn) return deny(DenyReason.CONSENT_WITHDRAWN, agreement.id, withdrawn.id);
  return deny(DenyReason.NO_CONSENT, agreement.id);
}
