// Mutation testing of the decision modules (`npm run mutate`; CONTRIBUTING, "Mutation testing").
// A mutant that survives is a change to a decision no test notices. scripts/mutation-gate.ts
// fails the job on any survivor not listed, with its reason, in .ci/mutation-survivors.json.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  jest: { projectType: 'custom', configFile: 'jest.stryker.config.js' },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/domain/plan.ts',
    'src/domain/versions.ts',
    'src/domain/changelog.ts',
    'src/boomi/answers.ts',
    'src/orchestrator/*.ts',
    'src/archive/digest.ts',
    'src/archive/inflate.ts',
    'src/net/retry.ts',
    'src/text.ts'
  ],
  // Only mutants of code (or tests) changed since the committed report are run again.
  incremental: true,
  incrementalFile: '.ci/stryker-incremental.json',
  // Two cores here, shared: one sandbox per core at most.
  concurrency: 2,
  // A Jest runner grows to gigabytes over hundreds of mutants (each run loads the modules
  // afresh) and then spends its time collecting garbage: a fresh one every 40 mutants.
  maxTestRunnerReuse: 40,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  ignorePatterns: ['dist', '.tools', 'coverage', 'reports', '.stryker-tmp'],
  cleanTempDir: 'always',
  // A mutant that makes a run wait for ever (a retry loop on a fake clock) is a kill; 4 s past a test's
  // own time tells it from a slow test without spending 10 s on each.
  timeoutMS: 4000,
  thresholds: { high: 100, low: 90, break: null }
}
