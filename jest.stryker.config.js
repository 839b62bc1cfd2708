// Jest as the mutation job runs it (stryker.config.js): the in-process suites only.
// The process tests start a bundle of src/ built once per Jest run, which a mutant in a
// sandbox never reaches, and would cost seconds per mutant; the bundle build goes too.
import base from './jest.config.js'

const { globalSetup, globalTeardown, testSequencer, ...rest } = base

export default {
  ...rest,
  testPathIgnorePatterns: ['/node_modules/', '\\.process\\.test\\.ts$']
}
