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
  // Process tests wait on child processes and timers, not the CPU: a third worker overlaps
  // their waits on two cores (measured: 40.7 s with 3, 47.3 s with 2, 44.4 s with 4).
  maxWorkers: 3
}
