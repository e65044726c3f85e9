import type { Logger } from "../../../platform/logger";
import { repeatEveryOrSooner } from "../../../platform/schedule";
import type { RefreshService } from "./refresh.service";

/**
 * Refreshes the evidence base at once, then every `intervalMs` while the hub
 * serves (the first one catches up with whatever changed while the hub was
 * down, or builds a fresh store's evidence base), and soon after an event
 * says a case or referral changed, so figures follow the work without a poll
 * of the owners' tables. A refresh never overlaps the last (and the advisory
 * lock keeps other processes out); an interval of 0 leaves refreshing to a
 * tool or test, events included.
 */
export class RefreshSchedule {
  private running?: ReturnType<typeof repeatEveryOrSooner>;

  constructor(
    private readonly refresh: RefreshService,
    private readonly intervalMs: number,
    private readonly settleMs?: number,
  ) {}

  start(logger?: Logger): () => Promise<void> {
    this.running = repeatEveryOrSooner(this.intervalMs, () => this.refresh.refresh(), { logger, message: "scheduled insights refresh failed" }, this.settleMs);
    return this.running.stop;
  }

  /** A fact source has changed: refresh soon rather than at the next turn. */
  changed(): void {
    this.running?.soon();
  }
}
