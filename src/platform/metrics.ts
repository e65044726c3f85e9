import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * The hub's Prometheus metrics (served at the gateway's /metrics). One
 * registry per hub, not prom-client's global one, so that hubs started side
 * by side (tests, the bench) each count their own.
 *
 * No label carries personal data or anything a caller chose freely: an
 * operation is named only when it is one of the persisted operations the
 * hub ships (schema/operations), else "other" (or "anonymous"); codes are
 * the hub's own error codes; sources are the source systems' names. That
 * also bounds the number of series.
 */
export interface HubMetrics {
  registry: Registry;
  /** One per /graphql request at the gateway, by operation and result code (OK, or the first error's code). */
  graphqlRequests: Counter<"operation" | "code">;
  /** Each call the subgraphs make to a source system, by source and outcome (ok, or why it was unavailable). */
  sourceCallSeconds: Histogram<"source" | "outcome">;
  /** Circuit breaker changes of state, by source and the state entered. */
  circuitTransitions: Counter<"source" | "state">;
  /** Events appended per group-commit batch of reads' audit (src/policy/audit.ts). */
  auditBatchEvents: Histogram<string>;
  /** From a request handing its audit events to the writer to their commit. */
  auditLagSeconds: Histogram<string>;
  /** Reports each breaker's state when scraped. */
  watchCircuit(source: string, state: () => string): void;
  /** Reports each evidence-base fact source's lag when scraped (seconds since the refresh last read it). */
  watchRefreshLag(read: () => Promise<{ source: string; seconds: number }[]>): void;
  /** The operation label for a requested operation name (see above). */
  operationLabel(name: string | null | undefined): string;
}

const CIRCUIT_STATES = ["CLOSED", "HALF_OPEN", "OPEN"] as const;

export function createMetrics(options: { knownOperations?: Iterable<string>; processMetrics?: boolean } = {}): HubMetrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: "casebridge_" });
  const known = new Set(options.knownOperations ?? []);
  const circuits = new Map<string, () => string>();
  const refreshLag: (() => Promise<{ source: string; seconds: number }[]>)[] = [];

  new Gauge({
    name: "casebridge_source_circuit_state",
    help: "Circuit breaker state of each REST source: 1 for the state it is in (CLOSED, HALF_OPEN or OPEN), 0 for the others",
    labelNames: ["source", "state"],
    registers: [registry],
    collect() {
      this.reset();
      for (const [source, state] of circuits) {
        const now = state();
        for (const s of CIRCUIT_STATES) this.set({ source, state: s }, s === now ? 1 : 0);
      }
    },
  });
  new Gauge({
    name: "casebridge_insights_refresh_lag_seconds",
    help: "Seconds since the evidence-base refresh last read each fact source (how stale the evidence base may be)",
    labelNames: ["source"],
    registers: [registry],
    async collect() {
      this.reset();
      for (const read of refreshLag) {
        // A store that does not answer leaves the series out of this scrape rather than failing it.
        const lags = await read().catch(() => []);
        for (const { source, seconds } of lags) this.set({ source }, seconds);
      }
    },
  });

  return {
    registry,
    graphqlRequests: new Counter({
      name: "casebridge_graphql_requests_total",
      help: "GraphQL requests at the gateway, by persisted operation name and result code (OK or the first error's code)",
      labelNames: ["operation", "code"],
      registers: [registry],
    }),
    sourceCallSeconds: new Histogram({
      name: "casebridge_source_call_duration_seconds",
      help: "Calls to source systems (police records API, partners' systems), retries included, by source and outcome",
      labelNames: ["source", "outcome"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
      registers: [registry],
    }),
    circuitTransitions: new Counter({
      name: "casebridge_source_circuit_transitions_total",
      help: "Circuit breaker changes of state, by source and the state entered",
      labelNames: ["source", "state"],
      registers: [registry],
    }),
    auditBatchEvents: new Histogram({
      name: "casebridge_audit_batch_events",
      help: "Audit events appended per group-commit batch of reads' audit",
      buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
      registers: [registry],
    }),
    auditLagSeconds: new Histogram({
      name: "casebridge_audit_write_lag_seconds",
      help: "Time from a request handing over its audit events to their commit (the wait group commit adds to a read)",
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    watchCircuit: (source, state) => void circuits.set(source, state),
    watchRefreshLag: (read) => void refreshLag.push(read),
    operationLabel: (name) => (!name ? "anonymous" : known.has(name) ? name : "other"),
  };
}
