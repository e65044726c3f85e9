import type { Logger } from "./logger";

/**
 * Runs `work` at once and then every `intervalMs` (0 or less: never; a tool
 * or test runs it when it asks). The timer never keeps the process alive
 * (unref), a run never overlaps the last, a failed run is logged and the
 * next one tries again, and stopping waits for a run in flight so the store
 * is not closed under it.
 */
export function repeatEvery(intervalMs: number, work: () => Promise<unknown>, failed: { logger?: Logger; message: string }): () => Promise<void> {
  if (intervalMs <= 0) return async () => undefined;
  let inFlight: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (inFlight || stopped) return;
    inFlight = work()
      .catch((error: unknown) => failed.logger?.error({ err: error }, failed.message))
      .finally(() => {
        inFlight = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await inFlight;
  };
}
