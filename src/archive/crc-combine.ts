// The CRC-32 of two byte strings laid end to end, from the CRC-32 of each and
// the second one's length, without reading either again. The file pass uses it
// to join a chunk the reading thread summed into the file's CRC-32, and to work
// out a stored entry's CRC-32 (which the walk checks) from the file's before and
// after it, instead of summing its bytes a second time (docs/behaviour.md,
// "Checksum"). Node's zlib offers crc32 but not zlib's crc32_combine, so the
// arithmetic is here.
//
// A CRC-32 register is a polynomial over GF(2) of degree below 32, written
// bit-reversed: bit 31 holds x^0 and bit 0 holds x^31. Appending n bytes to a
// message multiplies its register by x^(8n) modulo the CRC polynomial, then adds
// the register of those n bytes on their own. The conditioning CRC-32 applies
// before and after (the register starts at, and ends XORed with, all ones)
// cancels out of that sum.

/** The CRC-32 polynomial, bit-reversed. */
const POLYNOMIAL = 0xedb88320
/** x^0 in the bit-reversed form. */
const ONE = 0x80000000

/** a·b modulo the CRC polynomial. */
function multiply(a: number, b: number): number {
  let product = 0
  for (let bit = ONE; bit !== 0; bit >>>= 1) {
    if (a & bit) product ^= b
    b = b & 1 ? (b >>> 1) ^ POLYNOMIAL : b >>> 1
  }
  return product >>> 0
}

/** x^(2^k) modulo the polynomial, for every k a byte count up to 2^53 can need (8n < 2^56). */
const SQUARES: number[] = [ONE >>> 1]
for (let k = 1; k < 57; k++) SQUARES.push(multiply(SQUARES[k - 1], SQUARES[k - 1]))

/** x^(8n) modulo the polynomial: the shift of appending n bytes. */
function shiftOf(bytes: number): number {
  let shift = ONE
  // 8n = n·2^3: bit i of n stands for x^(2^(i+3)).
  for (let k = 3, n = bytes; n > 0; k++, n = Math.floor(n / 2)) if (n % 2 === 1) shift = multiply(SQUARES[k], shift)
  return shift
}

/** crc32(a ‖ b) from crc32(a), crc32(b) and b's length in bytes. */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  if (!Number.isSafeInteger(lengthB) || lengthB < 0) throw new RangeError(`a length of ${lengthB} bytes cannot be combined`)
  return (multiply(shiftOf(lengthB), crcA >>> 0) ^ crcB) >>> 0
}
