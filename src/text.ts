// The base layer's text: which characters count as control characters, and how a
// number of bytes, a count or a request rate is written. Every layer may import it
// (the net and inputs layers may not import src/domain/), so it imports nothing and
// does no I/O. Making outside text safe for a log line or the summary is
// src/domain/untrusted.ts's job; it builds on the sets here.

// Each set is a regular-expression class body, so that a place can add to it (white
// space, say) or take \t and \n out with a look-ahead, and still name it once.

/**
 * C0 controls and DEL: the set for bytes, or text that stays bytes — a zip entry's raw
 * name read as latin1, an input value (the credentials go into a header). C1 must NOT
 * count here: read as latin1, 0x80–0x9f are UTF-8 continuation bytes of ordinary characters.
 */
export const BYTE_CONTROLS = '\\u0000-\\u001f\\u007f'

/** Unicode's line and paragraph separators: a line break to JavaScript before ES2019 and to some log viewers. */
export const LINE_SEPARATORS = '\\u2028\\u2029'

/** The byte set, the C1 controls (invisible once decoded) and the line separators: what may break a line or hide as a control. */
export const LINE_CONTROLS = `${BYTE_CONTROLS}\\u0080-\\u009f${LINE_SEPARATORS}`

/** The bidi embeddings, overrides and isolates, which reorder the rest of a line as it is shown (Trojan Source). */
const BIDI_CONTROLS = '\\u202a-\\u202e\\u2066-\\u2069'

/**
 * Invisible format characters that are also ordinary writing: the zero-width space,
 * non-joiner and joiner (emoji sequences, Persian and Indic spelling), the left-to-right
 * and right-to-left marks, the word joiner and the zero-width no-break space (a byte order
 * mark). Shown escaped; never a reason to refuse a name.
 */
const ZERO_WIDTH = '\\u200b-\\u200f\\u2060\\ufeff'

/**
 * The set for decoded text shown in a log or summary, and for values that must be plain
 * (IDs, tokens): the line controls, the bidi controls and the zero-width characters.
 */
export const TEXT_CONTROLS = `${LINE_CONTROLS}${BIDI_CONTROLS}${ZERO_WIDTH}`

const BYTE_CONTROL = new RegExp(`[${BYTE_CONTROLS}]`)
const TEXT_CONTROL = new RegExp(`[${TEXT_CONTROLS}]`)
const LINE_OR_BIDI_CONTROL = new RegExp(`[${LINE_CONTROLS}${BIDI_CONTROLS}]`)

/** True when `text` holds a C0 control or DEL (see BYTE_CONTROLS). */
export function hasByteControl(text: string): boolean {
  return BYTE_CONTROL.test(text)
}

/** True when `text` holds a control character, a line separator or an invisible format character (see TEXT_CONTROLS). */
export function hasTextControl(text: string): boolean {
  return TEXT_CONTROL.test(text)
}

/** True when `text` holds what could break its line or reorder it (a name, a path), not merely a zero-width character. */
export function hasLineOrBidiControl(text: string): boolean {
  return LINE_OR_BIDI_CONTROL.test(text)
}

const KiB = 1024
const MiB = 1024 * KiB
const GiB = 1024 * MiB

/**
 * A bound, exactly: "4 GiB", "48 MiB", or "65,535 bytes" when it is no whole number of
 * MiB. For limits, where a rounded figure would misstate what is refused.
 */
export function exactBytes(n: number): string {
  if (n >= GiB && n % GiB === 0) return `${n / GiB} GiB`
  if (n >= MiB && n % MiB === 0) return `${n / MiB} MiB`
  return `${n.toLocaleString('en-US')} bytes`
}

/** A size or a rate, to one decimal: "512 B", "40.3 MiB". For what was measured, where a reader wants the magnitude. */
export function approxBytes(n: number): string {
  if (n < KiB) return `${n} B`
  let value = n
  let unit = 'B'
  for (const u of ['KiB', 'MiB', 'GiB']) {
    if (value < KiB) break
    value /= KiB
    unit = u
  }
  return `${value.toFixed(1)} ${unit}`
}

/** The first `max` items joined by commas, then how many more: a message may be asked to name thousands. */
export function someOf(items: readonly string[], max: number): string {
  const shown = items.slice(0, max).join(', ')
  return items.length > max ? `${shown} and ${items.length - max} more` : shown
}

/** "1 answer", "3 answers": a count with its noun, for nouns whose plural adds an s. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/**
 * A request rate as a rolling second holds it: whole requests from 1 a second up ("2/s"
 * for 2.5), two decimals below ("0.31/s"). The pacer's log lines and the summary both
 * write it so, and they agree.
 */
export function formatRate(rate: number): string {
  return rate >= 1 ? `${Math.floor(rate)}/s` : `${Number(rate.toFixed(2))}/s`
}
