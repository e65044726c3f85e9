/**
 * A relay's rounds: one at a time whoever asks (`drain`), and, once
 * started, again and again in the background: at once while the last round
 * found work, after `idleMs` when it found none (or another process had the
 * work: null), backing off after failures (at most 30 s between tries). For
 * the outbox relays (events to the bus, commands to governance).
 */
export class Rounds<T extends number | null> {
  private stopped = false;
  private running: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private last: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly round: () => Promise<T>,
    /** 0: only when asked. */
    private readonly idleMs: number,
    private readonly onFailure: (error: unknown) => void,
  ) {}

  start(): void {
    if (this.running || this.idleMs === 0) return;
    this.stopped = false;
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.running;
    this.running = null;
  }

  /** One round, after any under way. */
  drain(): Promise<T> {
    const round = this.last.then(() => this.round());
    this.last = round.catch(() => undefined);
    return round;
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      let found: number | null = 0;
      try {
        found = await this.drain();
        failures = 0;
      } catch (error) {
        failures++;
        this.onFailure(error);
      }
      if (this.stopped) break;
      if (found !== null && found > 0 && failures === 0) continue;
      const wait = failures ? Math.min(30_000, this.idleMs * 2 ** failures) : this.idleMs;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        timer.unref?.();
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }
}
