import type { Logger } from "../../../platform/logger";
import type { RefreshService } from "./refresh.service";

/**
 * Refreshes the evidence base at once and then every `intervalMs` while the
 * hub serves (the first one catches up with whatever changed while the hub
 * was down, or builds a fresh store's evidence base). The
 * timer never keeps the process alive (unref), a tick never overlaps the
 * last (and the advisory lock keeps other processes out), and stopping waits
 * for a refresh in flight so the store is not closed under it.
 */
export function scheduleRefresh(refresh: RefreshService, intervalMs: number, logger?: Logger): () => Promise<void> {
  if (intervalMs <= 0) return async () => undefined;
  let inFlight: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (inFlight || stopped) return;
    inFlight = refresh
      .refresh()
      .catch((error: unknown) => logger?.error({ err: error }, "scheduled insights refresh failed"))
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
