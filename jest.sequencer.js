// In-process tests first, the tests that start the bundled action last: the
// bundle they need is built in the background meanwhile (jest.global-setup.js).
import Sequencer from '@jest/test-sequencer'

const Base = Sequencer.default ?? Sequencer

const isProcessTest = test => /\.process\.test\.ts$/.test(test.path)

export default class ProcessTestsLast extends Base {
  sort(tests) {
    const ordered = super.sort(tests)
    return [...ordered.filter(t => !isProcessTest(t)), ...ordered.filter(isProcessTest)]
  }
}
