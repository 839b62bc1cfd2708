// The tests that start the bundled action as a process first: they are the longest
// files and mostly wait on child processes and timers, so started first they overlap
// the CPU-bound in-process files. Without it, Jest orders a checkout that has no
// timings yet by file size.
import Sequencer from '@jest/test-sequencer'

const Base = Sequencer.default ?? Sequencer

const isProcessTest = test => /\.process\.test\.ts$/.test(test.path)

export default class ProcessTestsFirst extends Base {
  sort(tests) {
    const ordered = super.sort(tests)
    return [...ordered.filter(isProcessTest), ...ordered.filter(t => !isProcessTest(t))]
  }
}
