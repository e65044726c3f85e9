import { CircuitBreaker, CircuitState } from "./breaker";

function breakerAt(start = 0) {
  const clock = { now: start };
  const breaker = new CircuitBreaker({ failureThreshold: 3, coolDownMs: 1_000 }, () => clock.now);
  return { breaker, clock };
}

function fail(breaker: CircuitBreaker, times: number) {
  for (let i = 0; i < times; i++) {
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordFailure();
  }
}

describe("CircuitBreaker", () => {
  it("stays closed until the failures in a row reach the threshold", () => {
    const { breaker } = breakerAt();
    fail(breaker, 2);
    expect(breaker.currentState).toBe(CircuitState.CLOSED);

    fail(breaker, 1);
    expect(breaker.currentState).toBe(CircuitState.OPEN);
    expect(breaker.tryAcquire()).toBe(false);
  });

  it("counts only consecutive failures: a success starts the count again", () => {
    const { breaker } = breakerAt();
    fail(breaker, 2);
    breaker.tryAcquire();
    breaker.recordSuccess();
    fail(breaker, 2);

    expect(breaker.currentState).toBe(CircuitState.CLOSED);
  });

  it("refuses calls until the cool-down is over, then lets exactly one trial through", () => {
    const { breaker, clock } = breakerAt();
    fail(breaker, 3);

    clock.now = 999;
    expect(breaker.tryAcquire()).toBe(false);
    expect(breaker.retryAfterMs).toBe(1);

    clock.now = 1_000;
    expect(breaker.currentState).toBe(CircuitState.HALF_OPEN);
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false);
  });

  it("closes when the trial succeeds", () => {
    const { breaker, clock } = breakerAt();
    fail(breaker, 3);
    clock.now = 1_000;
    breaker.tryAcquire();

    breaker.recordSuccess();

    expect(breaker.currentState).toBe(CircuitState.CLOSED);
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(true);
  });

  it("opens for a whole new cool-down when the trial fails", () => {
    const { breaker, clock } = breakerAt();
    fail(breaker, 3);
    clock.now = 1_000;
    breaker.tryAcquire();

    breaker.recordFailure();

    expect(breaker.currentState).toBe(CircuitState.OPEN);
    clock.now = 1_999;
    expect(breaker.tryAcquire()).toBe(false);
    clock.now = 2_000;
    expect(breaker.tryAcquire()).toBe(true);
  });

  it("ignores a late success from a call let through before the circuit opened", () => {
    const { breaker } = breakerAt();
    expect(breaker.tryAcquire()).toBe(true); // slow call, still in flight
    fail(breaker, 3);

    breaker.recordSuccess();

    expect(breaker.currentState).toBe(CircuitState.OPEN);
  });
});

describe("CircuitBreaker's state changes", () => {
  it("tells of each change once: open, half-open, open again, half-open, closed; nothing while the state holds", () => {
    const clock = { now: 0 };
    const changes: string[] = [];
    const breaker = new CircuitBreaker({ failureThreshold: 2, coolDownMs: 1_000, onStateChange: (to, from) => changes.push(`${from}->${to}`) }, () => clock.now);
    fail(breaker, 2);
    expect(breaker.tryAcquire()).toBe(false);
    clock.now = 1_000;
    fail(breaker, 1);
    clock.now = 2_000;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordSuccess();
    breaker.tryAcquire();
    breaker.recordSuccess();
    expect(changes).toEqual(["CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->CLOSED"]);
  });
});
