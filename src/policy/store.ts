import type { DataSource, EntityManager } from "typeorm";
import { manyByKey } from "../platform/batch";
import { OrganisationCode } from "../platform/domain";
import { Purpose } from "../platform/principal";
import { DataCategory } from "./categories";
import { Agreement, Consent, LawfulBasis, Relationship } from "./decide";
import type { FactsOfSubject, FactsReader, SubjectFacts, SubjectKey } from "./governance-port";

/**
 * The policy's data access, all of it in the governance schema, all of it
 * batched: whatever the number of rows a request touches, it costs one
 * statement per kind of fact (DataLoader, created per request).
 */
export class PolicyStore implements FactsReader {
  /** `dataSource`: the store, or a transaction on it whose own writes the reads must see. */
  constructor(readonly dataSource: DataSource | EntityManager) {}

  /** The agreements' cache is one per store, whichever transaction read them. */
  private get store(): DataSource {
    return "connection" in this.dataSource ? this.dataSource.connection : this.dataSource;
  }

  /** Every agreement in its latest version, with the title and file it was loaded from. */
  async agreements(): Promise<(Agreement & { title: string; sourceFile: string })[]> {
    return (await this.agreementsWithFingerprint()).agreements;
  }

  /** The agreements with the table's fingerprint as read (absent where the table is empty). */
  async agreementsWithFingerprint(): Promise<{ agreements: (Agreement & { title: string; sourceFile: string })[]; fingerprint: string | undefined }> {
    const rows: (AgreementRow & { fingerprint: string })[] = await this.dataSource.query(
      `SELECT id, version, title, source_file, holder, recipients, categories, purposes, lawful_basis, requires_consent, starts_on, ends_on,
              ${AGREEMENTS_FINGERPRINT} AS fingerprint
       FROM governance.data_sharing_agreement a
       WHERE version = (SELECT max(version) FROM governance.data_sharing_agreement b WHERE b.id = a.id)`,
    );
    const agreements = rows.map(toAgreement);
    if (rows[0]) agreementsRead.set(this.store, { fingerprint: rows[0].fingerprint, agreements: Object.freeze([...agreements]) });
    return { agreements, fingerprint: rows[0]?.fingerprint };
  }

  /**
   * The agreements as last read on this store, where the table still has the
   * fingerprint it had then (`fingerprint`: read with this request's first
   * subject lookup, at no extra statement); otherwise read now. So a new
   * version, or any change to a row, is seen by the next request that looks
   * a subject up, and the subgraphs of one process read the table once
   * between changes, not once each per request.
   */
  agreementsUnder(fingerprint: string | undefined): Promise<readonly Agreement[]> {
    const read = agreementsRead.get(this.store);
    return fingerprint !== undefined && read?.fingerprint === fingerprint ? Promise.resolve(read.agreements) : this.agreements();
  }

  /** Subject ids for (system, local reference) pairs, in key order; null where governance knows no such link. */
  async subjectsFor(keys: readonly SubjectKey[]): Promise<(string | null)[]> {
    return (await this.subjectsWithFactsFor(keys)).subjects;
  }

  /**
   * The consent states of each subject, one fact per (recipient, category,
   * purpose) state, named by the consent that put it in force: what decide()
   * weighs. A withdrawal ends states, not only the consent it was asked
   * through, so every consent covering a category ends together.
   */
  async consentsFor(subjectIds: readonly string[]): Promise<Consent[][]> {
    const rows: ConsentRow[] = await this.dataSource.query(`${CONSENT_STATE_FACTS} WHERE subject_id = ANY($1::uuid[]) ORDER BY given_at, consent_id, category, purpose`, [
      subjectIds,
    ]);
    return manyByKey(subjectIds, rows.map(toConsent), (c) => c.subjectId);
  }

  async relationshipsFor(subjectIds: readonly string[]): Promise<Relationship[][]> {
    const rows: RelationshipRow[] = await this.dataSource.query(
      `SELECT subject_id, organisation, kind, opened_at, closed_at FROM governance.relationship
       WHERE subject_id = ANY($1::uuid[]) ORDER BY opened_at`,
      [subjectIds],
    );
    return manyByKey(subjectIds, rows.map(toRelationship), (r) => r.subjectId);
  }

  /** Each subject's consent states and relationships, in id order. */
  async factsOfSubjects(subjectIds: readonly string[]): Promise<FactsOfSubject[]> {
    const [consents, relationships] = await Promise.all([this.consentsFor(subjectIds), this.relationshipsFor(subjectIds)]);
    return subjectIds.map((_, i) => ({ consents: consents[i]!, relationships: relationships[i]! }));
  }

  /**
   * Subject ids for (system, local reference) pairs, in key order (null where
   * governance knows no such link), with each linked subject's consent
   * states and relationships, and the agreements' fingerprint, read in the
   * same statement: a record's subject is looked up only to decide on it,
   * and the decision needs all of them, so one round trip does for four.
   */
  async subjectsWithFactsFor(keys: readonly SubjectKey[]): Promise<SubjectFacts> {
    const rows: { system: string; local_ref: string; subject_id: string; consents: ConsentJson[]; relationships: RelationshipJson[]; fingerprint: string }[] = await this.dataSource.query(
      `SELECT l.system, l.local_ref, l.subject_id, ${AGREEMENTS_FINGERPRINT} AS fingerprint,
              (SELECT coalesce(json_agg(c ORDER BY c.given_at, c.consent_id, c.category, c.purpose), '[]'::json)
                 FROM (${CONSENT_STATE_FACTS} WHERE subject_id = l.subject_id) c) AS consents,
              (SELECT coalesce(json_agg(r ORDER BY r.opened_at), '[]'::json)
                 FROM (SELECT subject_id, organisation, kind, opened_at, closed_at FROM governance.relationship WHERE subject_id = l.subject_id) r) AS relationships
       FROM governance.subject_link l
       JOIN unnest($1::text[], $2::text[]) AS k(system, local_ref) USING (system, local_ref)`,
      [keys.map((k) => k.system), keys.map((k) => k.ref)],
    );
    const bySystemRef = new Map(rows.map((r) => [`${r.system}\u0000${r.local_ref}`, r.subject_id]));
    const consents = new Map<string, Consent[]>();
    const relationships = new Map<string, Relationship[]>();
    for (const r of rows) {
      // The JSON carries times as text; the decision compares Dates, as the other reads give them.
      consents.set(r.subject_id, r.consents.map((c) => toConsent({ ...c, given_at: new Date(c.given_at), withdrawn_at: c.withdrawn_at === null ? null : new Date(c.withdrawn_at) })));
      relationships.set(r.subject_id, r.relationships.map((x) => toRelationship({ ...x, opened_at: new Date(x.opened_at), closed_at: x.closed_at === null ? null : new Date(x.closed_at) })));
    }
    return { subjects: keys.map((k) => bySystemRef.get(`${k.system}\u0000${k.ref}`) ?? null), consents, relationships, agreementsFingerprint: rows[0]?.fingerprint };
  }

  /**
   * What a consent vouches for: consent is one state per victim, recipient,
   * category and purpose, whichever recording put it in force, so the facts
   * are every state of the consent's victim towards its recipient. null
   * where there is no such consent.
   */
  async consentFacts(consentId: string): Promise<{ subjectId: string; facts: Consent[] } | null> {
    const rows = (await this.dataSource.query(
      `${CONSENT_STATE_FACTS} s WHERE (s.subject_id, s.recipient) = (SELECT subject_id, recipient FROM governance.consent WHERE id = $1)
       ORDER BY given_at, consent_id, category, purpose`,
      [consentId],
    )) as ConsentRow[];
    if (rows.length === 0) {
      const [consent] = (await this.dataSource.query(`SELECT subject_id FROM governance.consent WHERE id = $1`, [consentId])) as { subject_id: string }[];
      return consent ? { subjectId: consent.subject_id, facts: [] } : null;
    }
    return { subjectId: rows[0]!.subject_id, facts: rows.map(toConsent) };
  }

}

/**
 * Every row of the agreements table, hashed: it changes with any version
 * added or row changed, and costs a scan of a table of a few dozen rows.
 */
const AGREEMENTS_FINGERPRINT = `(SELECT md5(coalesce(string_agg(f::text, '|' ORDER BY f.id, f.version), '')) FROM governance.data_sharing_agreement f)`;

/** The agreements last read on each store, with the table's fingerprint when they were read (PolicyStore.agreementsUnder). */
const agreementsRead = new WeakMap<DataSource, { fingerprint: string; agreements: readonly (Agreement & { title: string; sourceFile: string })[] }>();

const CONSENT_STATE_FACTS = `SELECT consent_id, subject_id, recipient, category, purpose, given_at, withdrawn_at FROM governance.consent_state`;

export type { SubjectKey };

interface AgreementRow {
  id: string;
  version: number;
  title: string;
  source_file: string;
  holder: string;
  recipients: string[];
  categories: string[];
  purposes: string[];
  lawful_basis: string;
  requires_consent: boolean;
  starts_on: Date;
  ends_on: Date | null;
}

function toAgreement(r: AgreementRow): Agreement & { title: string; sourceFile: string } {
  return {
    id: r.id,
    version: r.version,
    title: r.title,
    sourceFile: r.source_file,
    holder: r.holder as OrganisationCode,
    recipients: r.recipients as OrganisationCode[],
    categories: r.categories as DataCategory[],
    purposes: r.purposes as Purpose[],
    lawfulBasis: r.lawful_basis as LawfulBasis,
    requiresConsent: r.requires_consent,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
  };
}

/** One consent state (governance.consent_state). */
interface ConsentRow {
  consent_id: string;
  subject_id: string;
  recipient: string;
  category: string;
  purpose: string;
  given_at: Date;
  withdrawn_at: Date | null;
}

function toConsent(r: ConsentRow): Consent {
  return {
    id: r.consent_id,
    subjectId: r.subject_id,
    recipient: r.recipient as OrganisationCode,
    categories: [r.category as DataCategory],
    purposes: [r.purpose as Purpose],
    givenAt: r.given_at,
    withdrawnAt: r.withdrawn_at,
  };
}

interface RelationshipRow {
  subject_id: string;
  organisation: string;
  kind: string;
  opened_at: Date;
  closed_at: Date | null;
}

function toRelationship(r: RelationshipRow): Relationship {
  return { subjectId: r.subject_id, organisation: r.organisation as OrganisationCode, kind: r.kind, openedAt: r.opened_at, closedAt: r.closed_at };
}

/** A consent state or relationship as json_agg gives it: times as text. */
type ConsentJson = Omit<ConsentRow, "given_at" | "withdrawn_at"> & { given_at: string; withdrawn_at: string | null };
type RelationshipJson = Omit<RelationshipRow, "opened_at" | "closed_at"> & { opened_at: string; closed_at: string | null };
