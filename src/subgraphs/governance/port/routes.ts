import express, { type Express, type Request, type Response } from "express";
import { z } from "zod";
import { OrganisationCode } from "../../../platform/domain";
import type { Logger } from "../../../platform/logger";
import { Purpose, Role } from "../../../platform/principal";
import { SUBGRAPH_NAMES } from "../../../platform/config";
import { requireServiceToken } from "../../../platform/service-token";
import { GOVERNANCE_PORT_AUDIENCE, GOVERNANCE_PORT_PATHS, SubjectFactsWire } from "../../../policy/governance-port";
import { SubjectSystem } from "../../../policy/sensitive";
import { auditEventSchema, COMMAND_OWNERS, governanceCommandSchema } from "../../../policy/governance-commands";
import type { SqlGovernance } from "./sql-governance";

/** A request's subject lookups are one DataLoader batch: a few thousand at the very most. */
const MAX_KEYS = 10_000;
/** A request's audit is one event per distinct outcome, each with its records: bounded by the request's own limits. */
const MAX_EVENTS = 10_000;
/** A relay sends a few hundred commands a round. */
const MAX_COMMANDS = 1_000;

const time = z.string().datetime({ offset: true }).transform((text) => new Date(text));

const auditEvent = auditEventSchema;

const principal = z.object({ subject: z.string().min(1).max(500), organisation: z.nativeEnum(OrganisationCode), roles: z.array(z.nativeEnum(Role)).max(20), purpose: z.nativeEnum(Purpose) }).strict();

const bodies = {
  subjectFacts: z.object({ keys: z.array(z.object({ system: z.nativeEnum(SubjectSystem), ref: z.string().min(1).max(500) }).strict()).max(MAX_KEYS) }).strict(),
  subjectFactsById: z.object({ subjectIds: z.array(z.string().uuid()).max(MAX_KEYS) }).strict(),
  audit: z.object({ events: z.array(auditEvent).max(MAX_EVENTS) }).strict(),
  breakGlassUses: z.object({ principal, requestId: z.string().min(1).max(200), now: time }).strict(),
  consentFacts: z.object({ consentId: z.string().uuid() }).strict(),
  commands: z.object({ commands: z.array(z.object({ id: z.string().uuid(), command: governanceCommandSchema }).strict()).min(1).max(MAX_COMMANDS) }).strict(),
  auditWithinBreakGlassCap: z
    .object({ events: z.array(auditEvent).max(MAX_EVENTS), limitReached: auditEvent, principal, requestId: z.string().min(1).max(200), now: time, dailyCap: z.number().int().min(0) })
    .strict(),
};

/**
 * Governance answers the policy's interface (GovernancePort) on internal
 * routes, for the other subgraphs when they run apart from it: each route
 * is one method of SqlGovernance, for a service token from another
 * subgraph. A body that is not what the port sends is the caller's fault
 * (400), never read as something else.
 */
export function serveGovernancePort(app: Express, governance: SqlGovernance, key: string | undefined, logger: Logger): void {
  const guard = requireServiceToken({ key, issuers: SUBGRAPH_NAMES.filter((name) => name !== "governance"), audience: GOVERNANCE_PORT_AUDIENCE, logger });
  const json = express.json({ limit: "32mb" });
  const post = <S extends z.ZodTypeAny>(path: string, body: S, answer: (input: z.output<S>) => Promise<unknown>, only = guard) =>
    app.post(path, only, json, (req: Request, res: Response, next) => {
      const parsed = body.safeParse(req.body);
      if (!parsed.success) return void res.status(400).json({ error: `not a body this route takes: ${parsed.error.issues[0]?.message ?? "invalid"}` });
      answer(parsed.data).then((result) => res.json(result ?? {}), next);
    });

  post(GOVERNANCE_PORT_PATHS.subjectFacts, bodies.subjectFacts, async ({ keys }): Promise<SubjectFactsWire> => {
    const facts = await governance.subjectsWithFactsFor(keys);
    return { subjects: facts.subjects, consents: [...facts.consents], relationships: [...facts.relationships], agreementsFingerprint: facts.agreementsFingerprint };
  });
  post(GOVERNANCE_PORT_PATHS.subjectFactsById, bodies.subjectFactsById, async ({ subjectIds }) => ({ facts: await governance.factsOfSubjects(subjectIds) }));
  app.get(GOVERNANCE_PORT_PATHS.agreements, guard, (_req: Request, res: Response, next) => {
    governance.agreementsWithFingerprint().then(({ agreements, fingerprint }) => res.json({ agreements, fingerprint }), next);
  });
  // Answered once the events are durable in the chain: the caller's response waits for this.
  post(GOVERNANCE_PORT_PATHS.audit, bodies.audit, ({ events }) => governance.recordAudit(events));
  post(GOVERNANCE_PORT_PATHS.consentFacts, bodies.consentFacts, async ({ consentId }) => ({ consent: await governance.consentFacts(consentId) }));
  // Each subgraph's commands on a path of its own, for its token alone: no subgraph sends another's.
  for (const source of COMMAND_OWNERS) {
    const only = requireServiceToken({ key, issuers: [source], audience: GOVERNANCE_PORT_AUDIENCE, logger });
    post(`${GOVERNANCE_PORT_PATHS.commands}${source}`, bodies.commands, async ({ commands }) => ({ outcomes: await governance.applyCommands(source, commands) }), only);
  }
  post(GOVERNANCE_PORT_PATHS.breakGlassUses, bodies.breakGlassUses, async (b) => ({ uses: await governance.breakGlassUsesToday(b.principal, b.requestId, b.now) }));
  post(GOVERNANCE_PORT_PATHS.auditWithinBreakGlassCap, bodies.auditWithinBreakGlassCap, async (b) => ({
    withinCap: await governance.appendWithinBreakGlassCap(b.events, b.limitReached, { principal: b.principal, requestId: b.requestId, now: b.now, dailyCap: b.dailyCap }),
  }));
}
