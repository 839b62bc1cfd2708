// A cancelled run (a workflow: SIGINT, then SIGTERM, then SIGKILL a few seconds
// later; a pipeline or a terminal: SIGTERM or Ctrl-C) must leave a record of what
// the run did. On the first signal no new request
// starts and no wait goes on; requests in flight get a short grace; then the
// outputs and summary are written, from whatever the run had recorded.
import type { RequestPacer } from '../boomi/client.js'
import { CancelledError } from '../errors.js'
import type { Logger } from '../logger.js'

/** Well inside the runner's 7.5 s between SIGINT and SIGTERM. */
export const CANCEL_GRACE_MS = 4_000

export class Cancellation {
  private readonly controller = new AbortController()
  private readonly onSignal = (name: NodeJS.Signals): void => {
    if (this.controller.signal.aborted) return
    this.log.warning(`Received ${name}: no new request will be started; writing what the run did.`)
    this.controller.abort()
  }

  constructor(private readonly log: Logger) {
    process.on('SIGINT', this.onSignal)
    process.on('SIGTERM', this.onSignal)
  }

  get signal(): AbortSignal {
    return this.controller.signal
  }

  /**
   * A sleep that ends at once, failing, when the run is cancelled; its timer is
   * cleared then, so a long wait (a Retry-After, a slow pace) cannot keep a
   * cancelled process alive.
   */
  sleep(clamp: (ms: number) => number): (ms: number) => Promise<void> {
    const signal = this.controller.signal
    return ms =>
      new Promise((resolve, reject) => {
        if (signal.aborted) return reject(new CancelledError())
        const onAbort = (): void => {
          clearTimeout(timer)
          reject(new CancelledError())
        }
        const timer = setTimeout(() => {
          signal.removeEventListener('abort', onAbort)
          resolve()
        }, clamp(ms))
        signal.addEventListener('abort', onAbort, { once: true })
      })
  }

  /** The pacer, refusing to hand out a slot once the run is cancelled (nothing is sent then). */
  gate(pacer: RequestPacer): RequestPacer {
    const check = (): void => {
      if (this.controller.signal.aborted) throw new CancelledError()
    }
    return {
      due: async () => {
        check()
        await pacer.due()
      },
      take: async () => {
        check()
        await pacer.take()
        check()
      },
      observe: (status, retryAfterMs) => pacer.observe?.(status, retryAfterMs)
    }
  }

  /**
   * Waits for the run. Once cancelled, waits at most CANCEL_GRACE_MS more; if
   * the run has not ended by then, `forced` writes what it recorded and the
   * process ends with a failure.
   */
  async within(run: Promise<void>, forced: () => Promise<void>): Promise<void> {
    const signal = this.controller.signal
    let timer: NodeJS.Timeout | undefined
    const late = new Promise<'late'>(resolve => {
      const start = (): void => {
        timer = setTimeout(() => resolve('late'), CANCEL_GRACE_MS)
      }
      if (signal.aborted) start()
      else signal.addEventListener('abort', start, { once: true })
    })
    try {
      const first = await Promise.race([run.then(() => 'done' as const), late])
      if (first === 'late') {
        await forced()
        // Requests still in flight would keep the process alive until their timeout.
        setTimeout(() => process.exit(1), 500).unref()
        throw new CancelledError()
      }
    } finally {
      clearTimeout(timer)
    }
  }

  dispose(): void {
    process.off('SIGINT', this.onSignal)
    process.off('SIGTERM', this.onSignal)
  }
}
