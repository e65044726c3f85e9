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
  // A test file's hubs are not all collected when it ends (each holds PGlite's WebAssembly stores, pools and servers):
  // a worker's heap grew by 150-250 MB a file, and files later in a run took two to three times as long (consent
  // 31 s against 11 s). A worker past 600 MB is replaced before its next file: the embedded run went from 651 s to 430 s.
  workerIdleMemoryLimit: "600MB",
};
