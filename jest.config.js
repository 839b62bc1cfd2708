/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1'
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }]
  },
  testTimeout: 30000,
  globalSetup: '<rootDir>/jest.global-setup.js',
  globalTeardown: '<rootDir>/jest.global-teardown.js',
  testSequencer: '<rootDir>/jest.sequencer.js',
  // Process tests wait on child processes, not the CPU: two workers overlap them on two cores.
  // A third was faster here (40.7 s against 47.3 s) but loaded the machine enough for the
  // emulator, which runs in a Jest worker, to see paced requests bunched (a 503 in
  // proxy.process.test.ts on a clean checkout): docs/benchmarks.md, "The test suite's time".
  maxWorkers: 2
}
