import { Role } from "../../src/platform/principal";
import fc from "fast-check";
import type { TestHub } from "../support/hub";
import { Oracle } from "./oracle";
import { comparable, DiffRequest, locationOf, requestArb, send } from "./requests";
import { Caller, expiredAgreementsArb, insertWorld, realise, World, worldArb } from "./world";

/**
 * The differential run: random worlds written into a running hub, random
 * requests against it, every answer compared with the oracle's. Used by the
 * jest test, by `npm run oracle` and by the mutation harness.
 */

export interface Disagreement {
  world: number;
  kind: string;
  target: string;
  caller: Caller;
  query: string;
  variables: Record<string, unknown>;
  expected: string;
  actual: string;
}

export interface RunOptions {
  seed: number;
  /** Requests in all, across worlds. */
  requests: number;
  perWorld?: number;
  concurrency?: number;
  /** Stop at the first disagreement (the mutation harness). */
  stopAtFirst?: boolean;
  onProgress?: (done: number) => void;
  /** Stop starting new worlds after this instant (ms since the epoch): a long run records what it reached. */
  deadline?: number;
}

export interface RunResult {
  requests: number;
  worlds: number;
  kinds: Record<string, number>;
  /** Answers with at least one FORBIDDEN field. */
  refusals: number;
  /** Answers showing at least one record, and answers withholding at least one that exists (null or left out). */
  showing: number;
  withholding: number;
  disagreements: Disagreement[];
  ms: number;
}

/**
 * The hub's environment for a differential run: the daily break-glass cap
 * (test/break-glass.test.ts) at its highest, with each world's breaking
 * supervisor a new person, so a valid reason is judged by the oracle's rule;
 * and source and statement time limits far above any answer's, so a busy
 * machine (a 2 s partner call beside two jest workers) cannot turn an access
 * answer into SOURCE_UNAVAILABLE. Time limits are test/faults.test.ts's
 * subject, not this one's.
 */
export const DIFFERENTIAL_ENV = { BREAK_GLASS_DAILY_CAP: "1000", SOURCE_TIMEOUT_MS: "30000", DATABASE_STATEMENT_TIMEOUT_MS: "60000" };

export async function runDifferential(hub: TestHub, options: RunOptions): Promise<RunResult> {
  const { seed, requests, perWorld = 100, concurrency = 6 } = options;
  const started = Date.now();
  const tokens = new Map<string, Promise<string>>();
  const tokenFor = (c: Caller) => {
    // A supervisor breaking glass is a new person in each world, so the daily cap per supervisor
    // (test/break-glass.test.ts) never stands between a valid reason and the oracle's rule.
    const who = c.breakGlass !== null && c.roles.includes(Role.SUPERVISOR) ? `-w${result.worlds}` : "";
    const key = `${c.organisation}/${c.roles.join("+")}/${c.purpose}${who}`;
    let token = tokens.get(key);
    if (!token) {
      token = hub.token({ organisation: c.organisation, roles: c.roles, purpose: c.purpose, subject: `differential-${c.organisation.toLowerCase()}${who}` }, { expiresIn: "1h" });
      tokens.set(key, token);
    }
    return token;
  };
  const result: RunResult = { requests: 0, worlds: 0, kinds: {}, refusals: 0, showing: 0, withholding: 0, disagreements: [], ms: 0 };
  for (let w = 0; result.requests < requests; w++) {
    const [spec] = fc.sample(worldArb, { seed: seed + w, numRuns: 1 });
    const [expired] = fc.sample(expiredAgreementsArb, { seed: seed * 104_729 + w, numRuns: 1 });
    const world: World = realise(spec!, expired);
    await insertWorld(hub, world);
    result.worlds++;
    const oracle = new Oracle(world);
    const batch = fc.sample(requestArb(world), { seed: seed * 7919 + w, numRuns: Math.min(perWorld, requests - result.requests) });
    let next = 0;
    const worker = async () => {
      while (next < batch.length) {
        if (options.stopAtFirst && result.disagreements.length) return;
        const request = batch[next++] as DiffRequest;
        const response = await send(hub, request, tokenFor);
        const expected = request.expect(oracle);
        if (request.target !== "gateway") {
          expected.errors = expected.errors.map((e) => ({ ...(e as object), locations: [locationOf(request.query, (e as { path: (string | number)[] }).path)] }));
        }
        const exp = comparable(200, expected.data, expected.errors);
        const data = response.body.data ?? null;
        const act = comparable(response.status, request.normalise ? request.normalise(data) : data, response.body.errors ?? []);
        result.requests++;
        result.kinds[request.kind] = (result.kinds[request.kind] ?? 0) + 1;
        if (expected.errors.length) result.refusals++;
        if (expected.shown) result.showing++;
        if (expected.withheld) result.withholding++;
        if (exp !== act) {
          result.disagreements.push({ world: w, kind: request.kind, target: request.target, caller: request.caller, query: request.query, variables: request.variables, expected: exp, actual: act });
        }
        options.onProgress?.(result.requests);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    if (options.stopAtFirst && result.disagreements.length) break;
    if (options.deadline !== undefined && Date.now() > options.deadline) break;
  }
  result.ms = Date.now() - started;
  return result;
}
