/**
 * Parts of a message joined as prose: a period and a space between two parts,
 * or only the space when the first already ends a sentence (Boomi's messages
 * often do), so no message reads "token.. Check". Empty parts are left out.
 */
export function sentences(...parts: (string | undefined)[]): string {
  let out = ''
  for (const raw of parts) {
    const part = raw?.trim()
    if (!part) continue
    out = out === '' ? part : /[.!?]$/.test(out) ? `${out} ${part}` : `${out}. ${part}`
  }
  return out
}

/**
 * The ConnectorVersion API's operations, as requests, errors and messages name them
 * (docs/boomi-api.md, "Operations"). Declared in the base layer so that net/ can name
 * the request it sends, and these errors carry it, without importing src/boomi/.
 */
export type Operation = 'query' | 'queryMore' | 'create' | 'delete' | 'version change'

/** A bad input: the run stops before any request, naming the input and the fix. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(message, options)
    this.name = 'InputError'
  }
}

/** Boomi answered with an error status. `message` is Boomi's own text, parsed. */
export class BoomiError extends Error {
  constructor(
    readonly operation: Operation,
    readonly status: number,
    readonly boomiMessage: string,
    readonly retryAfterMs?: number,
    readonly hint?: string,
    options?: { cause?: unknown }
  ) {
    super(sentences(`${operation} failed: HTTP ${status}${boomiMessage ? `: ${boomiMessage}` : ''}`, hint), options)
    this.name = 'BoomiError'
  }
}

/**
 * The run was cancelled (a signal): where it stops, nothing new is started. The one
 * message for it, whether a wait, the pacer or a phase noticed first.
 */
export class CancelledError extends Error {
  constructor() {
    super('The run was cancelled; what it did before that is in the outputs and the summary.')
    this.name = 'CancelledError'
  }
}

/** No answer: the connection failed, dropped or timed out. */
export class NetworkError extends Error {
  constructor(
    readonly operation: Operation,
    readonly code: string,
    detail: string,
    /** True when the failure came before a byte of the request was written, so nothing reached Boomi. */
    readonly notSent: boolean
  ) {
    super(`${operation} failed: ${detail}`)
    this.name = 'NetworkError'
  }
}

/**
 * A request taken back when its turn came, before a byte of it was sent: an
 * answer to another showed it would fail the same way. Nothing reached Boomi.
 */
export class WithdrawnError extends Error {
  constructor(readonly operation: Operation) {
    super(`${operation} not sent: an answer to another request showed it would fail the same way`)
    this.name = 'WithdrawnError'
  }
}

/**
 * A request that failed for good after an earlier attempt that may have done
 * its work (a 5xx, a lost answer): whether it happened is not known, whatever
 * the last failure says (a cancel, a refusal of the repeat).
 */
export class OutcomeUnknownError extends Error {
  constructor(
    readonly operation: Operation,
    /** The failure that ended the tries. */
    readonly last: unknown,
    /** The latest attempt that may have done the work. */
    readonly earlier: unknown
  ) {
    super(`${errorMessage(last)}, after an attempt that may have done it (${errorMessage(earlier)})`, { cause: last })
    this.name = 'OutcomeUnknownError'
  }
}

/**
 * Boomi answered 2xx with something the action does not understand. Nothing is
 * done on its strength (fail closed), and asking again would not help.
 */
export class AnswerError extends Error {
  constructor(
    readonly operation: Operation,
    readonly problem: string,
    hint = 'Check api-url: it may point at something other than the Boomi ConnectorVersion API.'
  ) {
    super(sentences(`${operation} answer not understood: ${problem}`, hint))
    this.name = 'AnswerError'
  }
}

/**
 * The archive read while uploading is not the one that was hashed (changed,
 * grown, shrunk, vanished or unreadable). The request was cut before its last
 * byte, so Boomi cannot have stored it; trying again would send the same surprise.
 */
export class ArchiveChangedError extends Error {
  constructor(
    readonly archivePath: string,
    detail: string,
    options?: { cause?: unknown }
  ) {
    super(
      `The archive ${JSON.stringify(archivePath)} changed after its checksum was taken (${detail}); the upload was stopped before its last byte, so nothing was stored. Make sure nothing else writes the archive during the release.`,
      options
    )
    this.name = 'ArchiveChangedError'
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
