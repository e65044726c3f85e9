import { ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { jetstreamManager } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { DataSource } from "typeorm";
import { OrganisationCode } from "../src/platform/domain";
import { migrate, openDatabase } from "../src/platform/database";
import { EventRecordType, EventType } from "../src/platform/events/event";
import { emitEvents } from "../src/platform/events/outbox";
import { verifyChain } from "../src/policy/audit";
import { commandGovernance } from "../src/policy/governance-commands";
import { SubjectSystem } from "../src/policy/sensitive";
import { readAuditChain } from "../src/subgraphs/governance/audit/chain";
import { emptyEmbeddedDataDir, startEmbeddedDatabase } from "../connectors/sql/embedded";
import { createTestStore, embeddedTemplate, testServerUrl } from "./support/store";

/**
 * Nothing lost, nothing invented, duplicates harmless: the outbox's relay,
 * a durable consumer (governance's worklist projection) and the senders of
 * the commands to governance (subject links, audit) are killed with SIGKILL
 * at random points, many times, while changes commit and roll back. With a
 * PostgreSQL server (TEST_DATABASE_URL) and NATS (TEST_NATS_URL), the relay
 * and the consumer are processes of their own on JetStream, each also
 * sending commands, and changes keep committing while they die; with no
 * broker, one process runs them all on the in-process bus. It needs a PostgreSQL server: the embedded store is one
 * process's own, so there is no second process to kill beside it (the
 * embedded default delivers in process, where a crash takes the hub, its
 * relay and its consumers down together). Rounds: KILL_TEST_ROUNDS (default 12).
 */
const ROUNDS = Number(process.env.KILL_TEST_ROUNDS ?? 12);
const CHANGES_PER_ROUND = 8;
const natsUrl = process.env.TEST_NATS_URL || "";
const WORKER = join(__dirname, "support", "event-worker.ts");

let url: string;
let closeStore: () => Promise<void>;
let embedded: boolean;
let dir: string;
const stream = `KILLTEST_${randomUUID().replace(/-/g, "").slice(0, 12).toUpperCase()}`;

beforeAll(async () => {
  if (!testServerUrl()) return;
  dir = mkdtempSync(join(tmpdir(), "casebridge-kill-"));
  const store = await createTestStore();
  if (store.databaseUrl) {
    embedded = false;
    url = store.databaseUrl;
    closeStore = store.close;
    const db = await openDatabase({ databaseUrl: url, entities: [] });
    await migrate(db);
    await db.close();
  } else {
    embedded = true;
    const database = await startEmbeddedDatabase({ template: await embeddedTemplate("empty", emptyEmbeddedDataDir) });
    url = database.url;
    closeStore = database.close;
    const db = await openDatabase({ databaseUrl: url, entities: [], poolSize: 1 });
    await migrate(db);
    await db.close();
  }
});

afterAll(async () => {
  await closeStore?.();
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (natsUrl) {
    const nc = await connect({ servers: natsUrl });
    await (await jetstreamManager(nc)).streams.delete(stream).catch(() => undefined);
    await nc.close();
  }
});

function startWorker(role: "relay" | "consumer" | "both", log: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", WORKER, role, url, natsUrl, stream, log], { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let err = "";
    child.stderr!.on("data", (chunk) => (err += String(chunk)));
    child.stdout!.on("data", (chunk) => String(chunk).includes("ready") && resolve(child));
    child.on("exit", (code, signal) => signal === null && reject(new Error(`event worker ${role} exited ${code}: ${err}`)));
  });
}

const kill = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const withServer = testServerUrl() ? it : it.skip;

withServer("delivers every committed change's event and applies its commands to governance, none of a rolled-back change, and redeliveries change nothing", async () => {
  const writer = new DataSource({ type: "postgres", url, entities: [], extra: { max: 1 } });
  await writer.initialize();
  const committed: string[] = [];
  const rolledBack: string[] = [];
  const write = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const referralId = randomUUID();
      const rollback = Math.random() < 0.3;
      const change = writer.transaction(async (m) => {
        const [event] = await emitEvents(m, "victims", [
          { type: EventType.REFERRAL_SENT, caseId: randomUUID(), record: { type: EventRecordType.REFERRAL, id: referralId }, parties: [OrganisationCode.GMVS, OrganisationCode.PANKHURST], occurredAt: new Date(), dueAt: null },
        ]);
        // And what the change tells governance: a record linked to a new subject, and the change's audit.
        const subjectId = randomUUID();
        await commandGovernance(m, "victims", [
          { kind: "link-subject", system: SubjectSystem.GMVS_CASE, ref: referralId, subjectId },
          { kind: "audit", events: [{ at: new Date(), requestId: `kill-${referralId}`, actor: "kill-test", organisation: "GMVS", roles: ["CASEWORKER"], purpose: "SUPPORT", subjectId, category: "IDENTITY", holder: "GMVS", decision: "ALLOW", reason: "REFERRAL_SENT", agreementId: null, consentId: null, breakGlassReason: null }] },
        ]);
        if (rollback) throw new Error("rolled back on purpose");
        return event!;
      });
      if (rollback) {
        await expect(change).rejects.toThrow("rolled back on purpose");
        rolledBack.push(referralId);
      } else {
        await change;
        committed.push(referralId);
      }
    }
  };

  const log = join(dir, "deliveries.log");
  writeFileSync(log, "");
  // Two processes on a broker (each also sending the commands to governance, so the two contend for the outbox's lease as
  // replicas would); one process for everything where delivery is in process.
  const roles: ("relay" | "consumer" | "both")[] = natsUrl && !embedded ? ["relay", "consumer"] : ["both"];
  let kills = 0;
  if (embedded) {
    await write(ROUNDS * CHANGES_PER_ROUND);
    await writer.destroy();
  }
  for (let round = 0; round < ROUNDS; round++) {
    const workers = await Promise.all(roles.map((role) => startWorker(role, log)));
    const writing = embedded ? Promise.resolve() : write(CHANGES_PER_ROUND);
    await sleep(30 + Math.random() * 400);
    // Kill one at random, or all, mid-work.
    const victims = Math.random() < 0.5 ? workers : [workers[Math.floor(Math.random() * workers.length)]!];
    for (const w of victims) await kill(w);
    kills += victims.length;
    await writing;
    for (const w of workers) await kill(w);
  }
  if (!embedded) await writer.destroy();

  // Left to run, the last pair delivers the rest.
  const workers = await Promise.all(roles.map((role) => startWorker(role, log)));
  const reader = new DataSource({ type: "postgres", url, entities: [], extra: { max: 1 } });
  const handled = async () => {
    if (embedded) {
      // One session: read only once the workers are done with the store.
      return 0;
    }
    await reader.initialize().catch(() => undefined);
    const [{ n }] = await reader.query(`SELECT count(*)::int AS n FROM governance.event_handled WHERE consumer = 'kill-test-worklist'`);
    const [{ unsent }] = await reader.query(`SELECT count(*)::int AS unsent FROM victims.governance_command WHERE applied_at IS NULL`);
    // Done when every event is handled and every command applied.
    return unsent === 0 ? (n as number) : 0;
  };
  const deadline = Date.now() + 45_000;
  if (embedded) {
    // Wait until the log has seen every committed event (the worker logs before applying, so wait a little beyond).
    while (Date.now() < deadline && new Set(readFileSync(log, "utf8").split("\n").filter(Boolean)).size < committed.length) await sleep(100);
    await sleep(500);
  } else {
    while (Date.now() < deadline && (await handled()) < committed.length) await sleep(100);
  }
  for (const w of workers) await kill(w);
  if (!reader.isInitialized) await reader.initialize();

  const handledIds = (await reader.query(
    `SELECT o.record_id FROM governance.event_handled h JOIN victims.outbox_event o ON o.id = h.event_id WHERE h.consumer = 'kill-test-worklist'`,
  )) as { record_id: string }[];
  const items = (await reader.query(`SELECT record_id, count(*)::int AS n FROM governance.worklist_item WHERE kind = 'REFERRAL_AWAITING_RESPONSE' GROUP BY record_id`)) as { record_id: string; n: number }[];
  const outboxRows = (await reader.query(`SELECT record_id FROM victims.outbox_event`)) as { record_id: string }[];
  const linked = (await reader.query(`SELECT local_ref FROM governance.subject_link WHERE system = 'gmvs-case'`)) as { local_ref: string }[];
  const audited = (await reader.query(`SELECT request_id, count(*)::int AS n FROM governance.audit_event WHERE actor = 'kill-test' GROUP BY request_id`)) as { request_id: string; n: number }[];
  const unsent = Number((await reader.query(`SELECT count(*)::int AS n FROM victims.governance_command WHERE applied_at IS NULL`))[0].n);
  const applied = Number((await reader.query(`SELECT count(*)::int AS n FROM governance.command_applied WHERE source = 'victims'`))[0].n);
  const resent = Number((await reader.query(`SELECT count(*)::int AS n FROM victims.governance_command WHERE outcome = 'duplicate'`))[0].n);
  const chain = await readAuditChain(reader);
  await reader.destroy();
  const deliveries = readFileSync(log, "utf8").split("\n").filter(Boolean);

  const sorted = (ids: string[]) => [...ids].sort();
  // Every committed change's event, handled exactly once; nothing of a rolled-back one, anywhere.
  expect(sorted(handledIds.map((r) => r.record_id))).toEqual(sorted(committed));
  expect(sorted(items.map((r) => r.record_id))).toEqual(sorted(committed));
  expect(items.every((r) => r.n === 1)).toBe(true);
  expect(sorted(outboxRows.map((r) => r.record_id))).toEqual(sorted(committed));
  // Governance applied every committed change's commands exactly once: one link, one audit event, a chain that verifies.
  expect(unsent).toBe(0);
  expect(sorted(linked.map((r) => r.local_ref))).toEqual(sorted(committed));
  expect(sorted(audited.map((r) => r.request_id))).toEqual(sorted(committed.map((id) => `kill-${id}`)));
  expect(audited.every((r) => r.n === 1)).toBe(true);
  expect(applied).toBe(committed.length * 2);
  expect(verifyChain(chain)).toBeNull();
  const counts = {
    store: embedded ? "pglite" : "postgresql",
    bus: natsUrl && !embedded ? "jetstream" : "in-process",
    rounds: ROUNDS,
    kills,
    committed: committed.length,
    rolledBack: rolledBack.length,
    deliveries: deliveries.length,
    redeliveries: deliveries.length - new Set(deliveries).size,
    commandsSentAgain: resent,
  };
  // The counts, for the record (docs/events.md).
  process.stdout.write(`kill test: ${JSON.stringify(counts)}\n`);
  expect(counts.committed).toBeGreaterThan(0);
  expect(counts.rolledBack).toBeGreaterThan(0);
}, 240_000);

