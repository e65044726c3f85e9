import type { Logger } from "../../../platform/logger";
import { repeatEvery } from "../../../platform/schedule";
import type { RefreshService } from "./refresh.service";

/**
 * Refreshes the evidence base at once and then every `intervalMs` while the
 * hub serves (the first one catches up with whatever changed while the hub
 * was down, or builds a fresh store's evidence base). A refresh never
 * overlaps the last (and the advisory lock keeps other processes out); see
 * repeatEvery for the rest.
 */
export function scheduleRefresh(refresh: RefreshService, intervalMs: number, logger?: Logger): () => Promise<void> {
  return repeatEvery(intervalMs, () => refresh.refresh(), { logger, message: "scheduled insights refresh failed" });
}
