import { createClient } from "graphql-sse";

export interface WorklistSnapshot {
  initial: boolean;
  worklist: { items: { id: string; kind: string; caseId: string | null; recordType: string; recordId: string; dueAt: string | null }[] };
}

/**
 * A partner app subscribed to its worklist through the gateway's stream
 * (graphql-sse, distinct connections mode, as any graphql-sse client), that
 * keeps every snapshot it is sent, in order.
 */
export async function subscribeToWorklist(gatewayUrl: string, headers: Record<string, string>, kinds: string[] = []) {
  const client = createClient({ url: gatewayUrl.replace(/\/graphql$/, "/graphql/stream"), headers, retryAttempts: 0 });
  const received: WorklistSnapshot[] = [];
  const iterator = client.iterate<{ worklistChanged: { worklist: string; initial: boolean } }>({
    query: `subscription($kinds: [String!]) { worklistChanged(first: 100, kinds: $kinds) { worklist initial } }`,
    variables: { kinds },
  });
  let failure: unknown;
  const waiters: (() => void)[] = [];
  const done = (async () => {
    try {
      for await (const result of iterator) {
        if (result.errors) throw new Error(JSON.stringify(result.errors));
        const change = result.data!.worklistChanged;
        received.push({ initial: change.initial, worklist: JSON.parse(change.worklist) });
        for (const wake of waiters.splice(0)) wake();
      }
    } catch (error) {
      failure = error;
      for (const wake of waiters.splice(0)) wake();
    }
  })();
  /** Waits until `count` snapshots have arrived (the first is sent on subscribing). */
  async function until(count: number, timeoutMs = 10_000): Promise<WorklistSnapshot[]> {
    const deadline = Date.now() + timeoutMs;
    while (received.length < count) {
      if (failure) throw failure;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`waited ${timeoutMs} ms for ${count} worklist snapshots; got ${received.length}: ${JSON.stringify(received)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return received.slice(0, count);
  }
  return {
    received,
    until,
    async close() {
      await iterator.return?.();
      client.dispose();
      await done;
    },
  };
}
