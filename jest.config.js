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
  // Three workers on two cores: the process tests spend much of their time waiting on child
  // processes and timers, and a third worker fills that time (31-33 s here against 35-37 s
  // with two): docs/benchmarks.md, "The test suite's time". If the spacing test of
  // proxy.process.test.ts fails on a loaded machine (a 503), two is the setting to go back to.
  maxWorkers: 3
}
