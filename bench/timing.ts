/** One client timing an async call over many rounds, after a warm-up (JIT, query plan cache, connections): mean, p50, p95 in ms. */
export async function time(fn: () => Promise<unknown>, rounds: number, warmup: number): Promise<{ mean: number; p50: number; p95: number }> {
  // No rounds would make every figure NaN.
  if (!Number.isInteger(rounds) || rounds < 1) throw new RangeError(`rounds must be a whole number of at least 1 (got ${rounds})`);
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] as number;
  return { mean: samples.reduce((a, b) => a + b, 0) / samples.length, p50: at(0.5), p95: at(0.95) };
}
