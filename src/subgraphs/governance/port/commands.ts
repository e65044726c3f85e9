import type { EntityManager } from "typeorm";
import { AuditEventInput } from "../../../policy/audit";
import { appendAuditEvents } from "../audit/chain";
import type { CommandOutcome, CommandOwner, GovernanceCommand, IdentifiedCommand } from "../../../policy/governance-commands";
import { closeRelationship, linkSubject, mergeSubjects, openRelationship, reopenRelationship } from "./subjects";

/** The audit's name for a relationship governance did not open because the consent it was asked under had been withdrawn. */
export const RELATIONSHIP_NOT_OPENED = "RELATIONSHIP_NOT_OPENED:CONSENT_WITHDRAWN";

/**
 * Applies a subgraph's commands in order inside governance's transaction,
 * each once: the command's id is recorded against its source with what
 * became of it, and a command found there already changes nothing.
 */
export async function applyCommands(m: EntityManager, source: CommandOwner, commands: readonly IdentifiedCommand[]): Promise<CommandOutcome[]> {
  const seen = new Map(
    ((await m.query(`SELECT command_id, outcome FROM governance.command_applied WHERE source = $1 AND command_id = ANY($2::uuid[])`, [
      source,
      commands.map((c) => c.id),
    ])) as { command_id: string; outcome: string }[]).map((r) => [r.command_id, r.outcome]),
  );
  const outcomes: CommandOutcome[] = [];
  for (const { id, command } of commands) {
    if (seen.has(id)) {
      outcomes.push("duplicate");
      continue;
    }
    const outcome = await applyOne(m, command, id);
    await m.query(`INSERT INTO governance.command_applied (source, command_id, outcome) VALUES ($1, $2, $3)`, [source, id, outcome]);
    seen.set(id, outcome);
    outcomes.push(outcome);
  }
  return outcomes;
}

async function applyOne(m: EntityManager, c: GovernanceCommand, id: string): Promise<CommandOutcome> {
  switch (c.kind) {
    case "link-subject": {
      const [existing] = (await m.query(`SELECT subject_id FROM governance.subject_link WHERE system = $1 AND local_ref = $2`, [c.system, c.ref])) as { subject_id: string }[];
      if (existing && existing.subject_id !== c.subjectId) return "refused: the record is linked to another subject";
      await linkSubject(m, { system: c.system, ref: c.ref }, c.subjectId);
      return "applied";
    }
    case "open-relationship": {
      const relationship = { subjectId: c.subjectId, organisation: c.organisation, kind: c.relationshipKind, sourceRef: c.sourceRef, openedAt: c.openedAt };
      // Read under a share lock: a withdrawal waits until this relationship is open, and the decision after it sees both.
      if (c.underConsent !== null && !(await consentInForce(m, c.underConsent))) {
        await appendAuditEvents(m, [notOpened(c, id)]);
        return "refused: the consent was withdrawn";
      }
      await openRelationship(m, relationship);
      return "applied";
    }
    case "close-relationship":
      await closeRelationship(m, { organisation: c.organisation, kind: c.relationshipKind, sourceRef: c.sourceRef }, c.closedAt);
      return "applied";
    case "reopen-relationship":
      await reopenRelationship(m, { subjectId: c.subjectId, organisation: c.organisation, kind: c.relationshipKind, sourceRef: c.sourceRef, openedAt: c.openedAt });
      return "applied";
    case "merge-subjects":
      await mergeSubjects(m, c.from, c.into);
      return "applied";
    case "audit":
      await appendAuditEvents(m, c.events);
      return "applied";
  }
}

/** Whether the consent's victim still consents to anything towards its recipient: consent is one state per category and purpose, whichever recording put it in force. */
async function consentInForce(m: EntityManager, consentId: string): Promise<boolean> {
  const rows = (await m.query(
    `SELECT 1 FROM governance.consent_state s JOIN governance.consent c ON (s.subject_id, s.recipient) = (c.subject_id, c.recipient)
     WHERE c.id = $1 AND s.withdrawn_at IS NULL FOR SHARE OF s`,
    [consentId],
  )) as unknown[];
  return rows.length > 0;
}

/** The refusal as the audit records it: governance's own act, about the subject, for the organisation that would have had the reason. */
function notOpened(c: Extract<GovernanceCommand, { kind: "open-relationship" }>, commandId: string): AuditEventInput {
  return {
    at: new Date(),
    requestId: `governance-command:${commandId}`,
    records: [`${c.relationshipKind}:${c.sourceRef}`],
    actor: null,
    organisation: null,
    roles: [],
    purpose: null,
    subjectId: c.subjectId,
    category: "RELATIONSHIP",
    holder: c.organisation,
    decision: "DENY",
    reason: RELATIONSHIP_NOT_OPENED,
    agreementId: null,
    consentId: c.underConsent,
    breakGlassReason: null,
  };
}
