import { currentRequestId } from "./sql-metrics";

/** How long a request's answers are kept for its other subgraphs: far longer than a request takes, far shorter than a record lives. */
const KEPT_MS = 30_000;
/** Bounded: a process under load drops the oldest requests' answers first (the cost is a second call, never a wrong answer). */
const MAX_REQUESTS = 2_000;

/**
 * Within one federated request, the subgraphs of one process ask a source
 * for the same records at different points of the plan (the victims
 * subgraph's justice timeline and the police subgraph's crime both want the
 * crime's updates). This wraps a connector's batch methods, each taking keys
 * and answering one result per key, so that a key already asked for in the
 * same request (by the hub's request id, which every subgraph of the request
 * runs under) is answered from that call: one source call per kind of record
 * per request. Only source data is shared, never a decision: each subgraph
 * still decides on every field it releases. Outside a request (a background
 * job) nothing is kept. A failed call is forgotten, so a later ask tries again.
 */
export function sharedWithinRequest<T extends object>(connector: T, methods: readonly (keyof T & string)[]): T {
  const requests = new Map<string, { at: number; answers: Map<string, Promise<unknown>> }>();
  const answersFor = (requestId: string) => {
    const now = Date.now();
    let entry = requests.get(requestId);
    if (!entry || now - entry.at > KEPT_MS) {
      requests.delete(requestId);
      entry = { at: now, answers: new Map() };
      requests.set(requestId, entry);
      // Oldest first: the map keeps insertion order.
      for (const [id, old] of requests) {
        if (requests.size <= MAX_REQUESTS && now - old.at <= KEPT_MS) break;
        requests.delete(id);
      }
    }
    return entry.answers;
  };
  return new Proxy(connector, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== "function" || !(methods as readonly (string | symbol)[]).includes(property)) return value;
      const call = value as (keys: readonly string[], ...rest: unknown[]) => Promise<unknown[]>;
      return (keys: readonly string[], ...rest: unknown[]): Promise<unknown[]> => {
        const requestId = currentRequestId();
        if (requestId === undefined || rest.length > 0) return call.apply(target, [keys, ...rest]);
        const answers = answersFor(requestId);
        const slot = (key: string) => `${String(property)}\u0000${key}`;
        const missing = [...new Set(keys.filter((key) => !answers.has(slot(key))))];
        if (missing.length > 0) {
          const fetched = call.apply(target, [missing]);
          missing.forEach((key, i) => answers.set(slot(key), fetched.then((results) => results[i])));
          fetched.catch(() => {
            for (const key of missing) answers.delete(slot(key));
          });
        }
        return Promise.all(keys.map((key) => answers.get(slot(key))));
      };
    },
  });
}
