/**
 * What /readyz reports: each dependency's state and whether the process
 * cannot serve without it. Only a required dependency that is not up makes
 * the process unready (503); any other is reported and the answer is 200
 * "degraded", because the hub answers without it (partial data with
 * SOURCE_UNAVAILABLE), and taking it out of a load balancer would turn one
 * source's outage into the whole hub's.
 */
export type DependencyState = "up" | "degraded" | "down" | "circuit-open";

export interface DependencyCheck {
  state: DependencyState;
  required: boolean;
  /** Why it is not up: a reason code (NETWORK, TIMEOUT, ...), never a host or a message. */
  reason?: string;
}

export interface Readiness {
  ready: boolean;
  /** Ready, but something it reads is not up. */
  degraded: boolean;
  checks: Record<string, DependencyCheck>;
}

const WORST_FIRST: DependencyState[] = ["down", "circuit-open", "degraded", "up"];

const usable = (check: DependencyCheck) => check.state === "up" || check.state === "degraded";

export function readinessOf(checks: Record<string, DependencyCheck>): Readiness {
  const all = Object.values(checks);
  return { ready: all.every((c) => !c.required || usable(c)), degraded: all.some((c) => c.state !== "up"), checks };
}

/** The same dependency seen by several processes (the store, by every subgraph): the worst state, required if any requires it. */
export function mergeChecks(reports: readonly Record<string, DependencyCheck>[]): Record<string, DependencyCheck> {
  const merged: Record<string, DependencyCheck> = {};
  for (const report of reports) {
    for (const [name, check] of Object.entries(report)) {
      const seen = merged[name];
      if (!seen) merged[name] = { ...check };
      else {
        const worse = WORST_FIRST.indexOf(check.state) < WORST_FIRST.indexOf(seen.state) ? check : seen;
        merged[name] = { ...worse, required: seen.required || check.required };
      }
    }
  }
  return merged;
}
