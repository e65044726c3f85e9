import type { Logger } from "./logger";

/**
 * Runs `work` at once and then every `intervalMs` (0 or less: never; a tool
 * or test runs it when it asks). The timer never keeps the process alive
 * (unref), a run never overlaps the last, a failed run is logged and the
 * next one tries again, and stopping waits for a run in flight so the store
 * is not closed under it.
 */
export function repeatEvery(intervalMs: number, work: () => Promise<unknown>, failed: { logger?: Logger; message: string }): () => Promise<void> {
  return repeatEveryOrSooner(intervalMs, work, failed).stop;
}

/**
 * repeatEvery, and `soon()` for when something has changed that the work
 * should see before its next turn: a run starts `settleMs` later (so a burst
 * of changes costs one run), or right after the run in flight, which may
 * have read too early to see it. Asked while stopped or never started (an
 * interval of 0), it does nothing.
 */
export function repeatEveryOrSooner(
  intervalMs: number,
  work: () => Promise<unknown>,
  failed: { logger?: Logger; message: string },
  settleMs = 1_000,
): { stop: () => Promise<void>; soon: () => void } {
  if (intervalMs <= 0) return { stop: async () => undefined, soon: () => undefined };
  let inFlight: Promise<unknown> | null = null;
  let again = false;
  let stopped = false;
  let settling: NodeJS.Timeout | undefined;
  const tick = () => {
    if (stopped) return;
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = work()
      .catch((error: unknown) => failed.logger?.error({ err: error }, failed.message))
      .finally(() => {
        inFlight = null;
        if (again) {
          again = false;
          tick();
        }
      });
  };
  const timer = setInterval(() => {
    // The interval is a floor, not a queue: a run still going when it comes round is not followed by another.
    if (!inFlight) tick();
  }, intervalMs);
  timer.unref();
  tick();
  return {
    soon: () => {
      if (stopped || settling) return;
      settling = setTimeout(() => {
        settling = undefined;
        tick();
      }, settleMs);
      settling.unref();
    },
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      clearTimeout(settling);
      again = false;
      await inFlight;
    },
  };
}
