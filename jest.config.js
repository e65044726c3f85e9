/** Jest runs TypeScript through ts-jest; type errors are caught once by `tsc --noEmit` in `npm test`. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/connectors", "<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { diagnostics: false }],
  },
  setupFiles: ["reflect-metadata"],
  // A directory of this run's own for the embedded store's templates (test/support/global-setup.ts).
  globalSetup: "<rootDir>/test/support/global-setup.ts",
  globalTeardown: "<rootDir>/test/support/global-teardown.ts",
  // Where jest has no timings of its own (a fresh clone), the slowest files start first.
  testSequencer: "<rootDir>/test/support/sequencer.js",
  testTimeout: 60000,
  maxWorkers: 2,
};
