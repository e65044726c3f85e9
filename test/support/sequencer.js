const { relative } = require("node:path");
const Sequencer = require("@jest/test-sequencer").default;

/**
 * The files that took longest in the last full runs on a 2-core machine,
 * slowest first. Jest starts the slowest files first by the timings it
 * cached from earlier runs; a fresh clone has none, and jest then orders by
 * file size, which puts these short files last, where one of them can run on
 * alone for a minute after the other worker has finished. Only files jest has
 * no timing for are moved; the rest keep jest's order.
 */
const SLOWEST = [
  "test/differential/access-differential.test.ts",
  "test/atomic-writes.test.ts",
  "test/load-bench.test.ts",
  "test/start.test.ts",
  "test/soak.test.ts",
  "test/audit-verify.test.ts",
  "test/insights-cli.test.ts",
];

class SlowestFirst extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const rank = (test) => {
      if (this.time(test) != null) return SLOWEST.length;
      const i = SLOWEST.indexOf(relative(test.context.config.rootDir, test.path));
      return i < 0 ? SLOWEST.length : i;
    };
    // Array.prototype.sort is stable: ties keep jest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

module.exports = SlowestFirst;
