import type { Sleep } from './retry.js'

/**
 * Spaces requests evenly so that no rolling second, measured where the server
 * receives them, holds more than `requestsPerSecond`. The transport asks for a
 * slot only once the connection is ready (TCP and TLS done), right before the
 * first byte is written, so a slow handshake does not eat into the spacing.
 * Each gap is a few per cent wider than 1/rate, so that a request delayed on
 * its way (a busy event loop) cannot land in the same second as one sent a
 * full second after its predecessor; and spacing is measured from the moment
 * each request actually left, never from the moment it was planned.
 */
export class Pacer {
  private readonly intervalMs: number
  private next = -Infinity

  constructor(
    requestsPerSecond: number,
    private readonly now: () => number,
    private readonly sleep: Sleep
  ) {
    // A rolling second holds whole requests: 2.5 a second allows 2 in any one of them.
    const base = 1000 / (requestsPerSecond >= 1 ? Math.floor(requestsPerSecond) : requestsPerSecond)
    this.intervalMs = base + Math.max(base * PACING_MARGIN, MIN_MARGIN_MS)
  }

  get interval(): number {
    return this.intervalMs
  }

  /**
   * Resolves once the next slot is due, reserving nothing. Waiting here before
   * taking a kept-alive connection from the pool means a connection is not
   * held idle through a long wait, where the server might close it.
   */
  async due(): Promise<void> {
    for (let wait = this.next - this.now(); wait > 0; wait = this.next - this.now()) await this.sleep(wait)
  }

  /** Resolves when the caller may send its request; concurrent callers queue in order. */
  async take(): Promise<void> {
    const reserved = Math.max(this.now(), this.next)
    this.next = reserved + this.intervalMs
    const wait = reserved - this.now()
    if (wait > 0) await this.sleep(wait)
    // A late wake-up pushes the following slots back (for a lone caller, gaps never shrink).
    const late = this.now() - reserved
    if (late > 0) this.next += late
  }
}

export const PACING_MARGIN = 0.05
const MIN_MARGIN_MS = 2
