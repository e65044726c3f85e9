/**
 * A circuit breaker: CLOSED until `failureThreshold` calls in a row fail,
 * then OPEN (callers are refused without touching the source) for
 * `coolDownMs`, then HALF_OPEN: one trial call goes through; its success
 * closes the circuit, its failure opens it for another cool-down.
 *
 * Written here rather than taken from opossum: opossum 10 needs Node 22
 * (the hub runs on 20), and opossum 9 opens on an error percentage over a
 * rolling window that it does not clear on closing, not on consecutive
 * failures. cockatiel has the consecutive policy but is ESM-only from v4.
 */

export enum CircuitState {
  CLOSED = "CLOSED",
  OPEN = "OPEN",
  HALF_OPEN = "HALF_OPEN",
}

export interface BreakerOptions {
  /** Consecutive failed calls that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before a trial call. */
  coolDownMs: number;
  /** Told of every change of state, for operators (a log line, a metric); must not throw. */
  onStateChange?(to: CircuitState, from: CircuitState): void;
}

export class CircuitBreaker {
  private state = CircuitState.CLOSED;
  private consecutiveFailures = 0;
  private openedAt = 0;
  private trialInFlight = false;

  constructor(
    private readonly options: BreakerOptions,
    private readonly now: () => number = Date.now,
  ) {
    if (!(options.failureThreshold >= 1)) throw new RangeError("failureThreshold must be at least 1");
    if (!(options.coolDownMs >= 0)) throw new RangeError("coolDownMs must not be negative");
  }

  get currentState(): CircuitState {
    if (this.state === CircuitState.OPEN && this.coolDownOver()) return CircuitState.HALF_OPEN;
    return this.state;
  }

  /** Ms until an open circuit lets a trial call through; 0 when not open. */
  get retryAfterMs(): number {
    return this.state === CircuitState.OPEN ? Math.max(0, this.openedAt + this.options.coolDownMs - this.now()) : 0;
  }

  /** Whether a call may go to the source now; when true the caller must report its outcome. */
  tryAcquire(): boolean {
    if (this.state === CircuitState.OPEN && this.coolDownOver()) {
      this.moveTo(CircuitState.HALF_OPEN);
    }
    switch (this.state) {
      case CircuitState.CLOSED:
        return true;
      case CircuitState.OPEN:
        return false;
      case CircuitState.HALF_OPEN:
        if (this.trialInFlight) return false;
        this.trialInFlight = true;
        return true;
    }
  }

  recordSuccess(): void {
    // A late success from a call admitted before the circuit opened proves
    // little; an open circuit waits for its own trial.
    if (this.state === CircuitState.OPEN) return;
    this.moveTo(CircuitState.CLOSED);
    this.consecutiveFailures = 0;
    this.trialInFlight = false;
  }

  recordFailure(): void {
    if (this.state === CircuitState.OPEN) return;
    this.consecutiveFailures += 1;
    if (this.state === CircuitState.HALF_OPEN || this.consecutiveFailures >= this.options.failureThreshold) {
      this.openedAt = this.now();
      this.moveTo(CircuitState.OPEN);
      this.trialInFlight = false;
    }
  }

  private moveTo(to: CircuitState): void {
    const from = this.state;
    this.state = to;
    if (from !== to) this.options.onStateChange?.(to, from);
  }

  private coolDownOver(): boolean {
    return this.now() - this.openedAt >= this.options.coolDownMs;
  }
}
