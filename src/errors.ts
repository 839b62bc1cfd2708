/** A bad input: the run stops before any request, naming the input and the fix. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    message: string
  ) {
    super(message)
    this.name = 'InputError'
  }
}

/** Boomi answered with an error status. `message` is Boomi's own text, parsed. */
export class BoomiError extends Error {
  /** Set when an earlier attempt of the same request may have done the work (its answer was lost). */
  afterLostAnswer = false

  constructor(
    readonly operation: string,
    readonly status: number,
    readonly boomiMessage: string,
    readonly retryAfterMs?: number,
    readonly hint?: string
  ) {
    super(`${operation} failed: HTTP ${status}${boomiMessage ? `: ${boomiMessage}` : ''}${hint ? `. ${hint}` : ''}`)
    this.name = 'BoomiError'
  }
}

/** No answer: the connection failed, dropped or timed out. */
export class NetworkError extends Error {
  constructor(
    readonly operation: string,
    readonly code: string,
    detail: string,
    /** True when the failure came before a byte of the request was written, so nothing reached Boomi. */
    readonly notSent: boolean
  ) {
    super(`${operation} failed: ${detail}`)
    this.name = 'NetworkError'
  }
}

/** Turns anything thrown into a sentence; a user should never read "[object Object]". */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message || err.name
  if (typeof err === 'string') return err
  try {
    const json = JSON.stringify(err)
    if (json && json !== '{}') return json
  } catch {
    // fall through
  }
  return String(err)
}
