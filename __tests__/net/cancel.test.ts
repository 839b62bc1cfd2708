// The run's cancellation: a signal stops waits and new requests at once.
import { expect, it } from '@jest/globals'
import { Cancellation } from '../../src/core/cancel.js'
import { CancelledError } from '../../src/errors.js'
import { timerDelay } from '../../src/net/retry.js'

function quietLog(lines: string[]) {
  return { info: (l: string) => void lines.push(l), warning: (l: string) => void lines.push(l), debug: () => undefined }
}

it('a signal ends a long wait at once and refuses new pacer slots', async () => {
  const lines: string[] = []
  const cancel = new Cancellation(quietLog(lines))
  try {
    const started = Date.now()
    const waiting = cancel.sleep(timerDelay)(60_000)
    let slots = 0
    const gate = cancel.gate({ due: async () => undefined, take: async () => void slots++, observe: () => undefined })
    await gate.take()
    process.emit('SIGTERM', 'SIGTERM')
    await expect(waiting).rejects.toBeInstanceOf(CancelledError)
    expect(Date.now() - started).toBeLessThan(5_000)
    await expect(gate.take()).rejects.toBeInstanceOf(CancelledError)
    expect(slots).toBe(1)
    expect(cancel.signal.aborted).toBe(true)
    expect(lines.join('\n')).toMatch(/Received SIGTERM: no new request will be started/)
    await expect(cancel.sleep(timerDelay)(10)).rejects.toBeInstanceOf(CancelledError)
  } finally {
    cancel.dispose()
  }
  expect(process.listenerCount('SIGTERM')).toBe(0)
})
