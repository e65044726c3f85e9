import { DataSource, EntityManager } from "typeorm";
import { isUuid } from "../../../platform/batch";
import { OrganisationCode } from "../../../platform/domain";
import { appError, ErrorCode } from "../../../platform/errors";
import type { AccessEvaluator } from "../../../policy/access";
import { Actor, appendAuditEvents, AuditEventInput, changeEvent, toAuditEvent } from "../../../policy/audit";
import { categoriesInSchema } from "../../../policy/catalogue";
import { DataCategory } from "../../../policy/categories";
import { PolicyStore, toConsent } from "../../../policy/store";
import { SubjectSystem } from "../../../policy/sensitive";
import { readAgreementFiles } from "../agreements/agreement.files";
import { AccessExplanation, AuditEvent, Consent, RecordConsentInput } from "./access.types";

/** Knowing a GMVS case exists is SUPPORT data, as the Case type declares (victims and partners). */
const CASE_EXISTENCE = DataCategory.SUPPORT;

/** Which organisations hold the records each subgraph serves (partners: each partner its own). */
const HOLDERS_BY_SUBGRAPH: Record<string, OrganisationCode[]> = {
  victims: [OrganisationCode.GMVS],
  police: [OrganisationCode.GMP],
  partners: [OrganisationCode.PANKHURST, OrganisationCode.HOURGLASS, OrganisationCode.CHALLENGER],
};

export class AccessService {
  private readonly policy: PolicyStore;
  private catalogue: { holder: OrganisationCode; category: DataCategory }[] | undefined;

  constructor(private readonly dataSource: DataSource) {
    this.policy = new PolicyStore(dataSource);
  }

  async agreements() {
    return (await this.policy.agreements()).sort((a, b) => a.id.localeCompare(b.id));
  }

  /** The subject (person) behind a GMVS case, or NOT_FOUND. */
  async subjectOfCase(caseId: string, manager: EntityManager = this.dataSource.manager): Promise<string> {
    const [row] = isUuid(caseId)
      ? ((await manager.query(`SELECT subject_id FROM governance.subject_link WHERE system = $1 AND local_ref = $2`, [SubjectSystem.GMVS_CASE, caseId])) as {
          subject_id: string;
        }[])
      : [];
    if (!row) throw noSuchCase();
    return row.subject_id;
  }

  /** Records a consent and its audit event in one transaction. */
  async recordConsent(actor: Actor, input: RecordConsentInput): Promise<Consent> {
    if (input.categories.length === 0) throw appError(ErrorCode.INVALID_INPUT, "Name at least one category", { argument: "categories" });
    if (input.purposes.length === 0) throw appError(ErrorCode.INVALID_INPUT, "Name at least one purpose", { argument: "purposes" });
    return this.dataSource.transaction(async (m) => {
      const subjectId = await this.subjectOfCase(input.caseId, m);
      const [row] = await m.query(
        `INSERT INTO governance.consent (subject_id, recipient, categories, purposes, given_at, recorded_by)
         VALUES ($1, $2, $3, $4, now(), $5) RETURNING id, subject_id, recipient, categories, purposes, given_at, withdrawn_at`,
        [subjectId, input.recipient, [...new Set(input.categories)], [...new Set(input.purposes)], actor.principal.subject],
      );
      const consent = toConsent(row);
      await appendAuditEvents(m, [consentEvent(actor, subjectId, "CONSENT_RECORDED", consent.id, input.recipient)]);
      return consent;
    });
  }

  /** Withdraws a consent; it bites on the very next request, as nothing caches a decision beyond one. */
  async withdrawConsent(actor: Actor, consentId: string): Promise<Consent> {
    if (!isUuid(consentId)) throw appError(ErrorCode.NOT_FOUND, "No such consent", { argument: "consentId" });
    return this.dataSource.transaction(async (m) => {
      const [existing] = (await m.query(`SELECT id, withdrawn_at FROM governance.consent WHERE id = $1 FOR UPDATE`, [consentId])) as {
        withdrawn_at: Date | null;
      }[];
      if (!existing) throw appError(ErrorCode.NOT_FOUND, "No such consent", { argument: "consentId" });
      if (existing.withdrawn_at) throw appError(ErrorCode.CONFLICT, "This consent was already withdrawn");
      const [[row]] = await m.query(
        `UPDATE governance.consent SET withdrawn_at = now(), withdrawn_by = $2 WHERE id = $1
         RETURNING id, subject_id, recipient, categories, purposes, given_at, withdrawn_at`,
        [consentId, actor.principal.subject],
      );
      const consent = toConsent(row);
      await appendAuditEvents(m, [consentEvent(actor, consent.subjectId, "CONSENT_WITHDRAWN", consent.id, consent.recipient)]);
      return consent;
    });
  }

  /**
   * For one case: every holder's categories, what the caller would be told,
   * and why, worked out from the agreements, the victim's consents to the
   * caller and the caller's own relationship: never from whether any holder
   * keeps a record about her. Only for a caller who may know the case
   * exists (its existence category, as the case itself); anyone else gets
   * the NOT_FOUND an unknown id gets. The consultation is audited.
   */
  async explainAccess(access: AccessEvaluator, caseId: string): Promise<AccessExplanation[]> {
    const known = isUuid(caseId)
      ? await access.decideFor({ system: SubjectSystem.GMVS_CASE, ref: caseId.toLowerCase() }, OrganisationCode.GMVS, CASE_EXISTENCE, `Case:${caseId.toLowerCase()}`)
      : null;
    if (known?.decision !== "ALLOW") throw noSuchCase();
    const subjectId = await this.subjectOfCase(caseId);
    this.catalogue ??= Object.entries(HOLDERS_BY_SUBGRAPH).flatMap(([subgraph, holders]) =>
      categoriesInSchema(subgraph).flatMap((category) => holders.map((holder) => ({ holder, category }))),
    );
    return Promise.all(
      this.catalogue.map(async ({ holder, category }) => {
        const d = await access.explain(subjectId, holder, category);
        return {
          holder,
          category,
          decision: d.decision,
          reason: d.decision === "ALLOW" ? d.basis : d.reason,
          agreementId: d.agreementId,
          consentId: d.consentId,
        };
      }),
    );
  }

  /** The data owner's audit: releases and refusals of the records it holds, newest first. */
  async auditForHolder(holder: OrganisationCode, first: number, breakGlassOnly: boolean): Promise<AuditEvent[]> {
    const rows = await this.dataSource.query(
      `SELECT * FROM governance.audit_event WHERE holder = $1 ${breakGlassOnly ? "AND break_glass_reason IS NOT NULL" : ""} ORDER BY seq DESC LIMIT $2`,
      [holder, first],
    );
    return rows.map((row: Parameters<typeof toAuditEvent>[0]) => ({ ...toAuditEvent(row), answeredBy: holder }));
  }

  /** A subject access export: everything the audit holds about one victim, oldest first; GMVS answers for it. */
  async auditForSubject(caseId: string): Promise<AuditEvent[]> {
    const subjectId = await this.subjectOfCase(caseId);
    const rows = await this.dataSource.query(`SELECT * FROM governance.audit_event WHERE subject_id = $1 ORDER BY seq`, [subjectId]);
    return rows.map((row: Parameters<typeof toAuditEvent>[0]) => ({ ...toAuditEvent(row), answeredBy: OrganisationCode.GMVS }));
  }
}

function noSuchCase() {
  return appError(ErrorCode.NOT_FOUND, "No such case", { argument: "caseId" });
}

function consentEvent(actor: Actor, subjectId: string, reason: string, consentId: string, recipient: string): AuditEventInput {
  return changeEvent(actor, { subjectId, category: "CONSENT", holder: recipient, reason, consentId });
}

/** Loads the agreement files into the store; a version once loaded is never changed. */
export async function seedAgreements(dataSource: DataSource): Promise<void> {
  for (const a of readAgreementFiles()) {
    await dataSource.query(
      `INSERT INTO governance.data_sharing_agreement (id, version, title, holder, recipients, categories, purposes, lawful_basis, requires_consent, starts_on, ends_on, source_file)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (id, version) DO NOTHING`,
      [a.id, a.version, a.title, a.holder, a.recipients, a.categories, a.purposes, a.lawfulBasis, a.requiresConsent, a.startsOn, a.endsOn, a.sourceFile],
    );
  }
}
