// The sum the upload checks its bytes against (docs/behaviour.md, "Checksum"):
// the file seen as 16-byte blocks, each block four little-endian 32-bit words,
// one per lane; each lane keeps a plain sum of its words and a running sum of
// those sums (Fletcher's construction, modulo 2^32). The last block is padded
// with zeros and one more block holding the byte count is summed, so files that
// differ only by trailing zeros differ. It is not a hash: anyone can forge it,
// as they can a CRC-32. It is there to catch a file that changed by accident
// between the check and the upload (a writer must also move the file's change
// time, which is checked too), and it does so at memory speed: about 30 ms a GiB
// where zlib's CRC-32 takes about 250 ms, which on 2 cores was a third of a large
// upload's time.
//
// The loop is WebAssembly (SIMD): JavaScript cannot add four lanes at once. Its
// text, assembled by hand into MODULE below:
//
//   (module
//     (import "m" "memory" (memory 1 65536 shared))
//     (func (export "sum") (param $at i32) (param $length i32) (param $state i32)
//       (local $s1 v128) (local $s2 v128) (local $end i32)
//       (local.set $s1 (v128.load (local.get $state)))
//       (local.set $s2 (v128.load offset=16 (local.get $state)))
//       (local.set $end (i32.add (local.get $at) (local.get $length)))
//       (block $done
//         (loop $next
//           (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
//           (local.set $s1 (i32x4.add (local.get $s1) (v128.load (local.get $at))))
//           (local.set $s2 (i32x4.add (local.get $s2) (local.get $s1)))
//           (local.set $at (i32.add (local.get $at) (i32.const 16)))
//           (br $next)))
//       (v128.store (local.get $state) (local.get $s1))
//       (v128.store offset=16 (local.get $state) (local.get $s2))))
//
// `length` is always a whole number of blocks. Readers are given views of the
// memory (`region`), so their bytes are summed where they lie; it is shared, so
// that the thread that reads a large archive (src/archive/hash-beside.ts) reads
// straight into it. Bytes from anywhere else are copied in through a small
// staging area. Where WebAssembly is missing (node --jitless) the same sum is
// taken in JavaScript, some fifteen times slower than zlib's CRC-32.

// prettier-ignore
const MODULE = Uint8Array.of(
  // magic, version
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  // type section: (func (param i32 i32 i32))
  0x01, 0x07, 0x01, 0x60, 0x03, 0x7f, 0x7f, 0x7f, 0x00,
  // import section: "m" "memory", shared, 1 to 65536 pages
  0x02, 0x10, 0x01, 0x01, 0x6d, 0x06, 0x6d, 0x65, 0x6d, 0x6f, 0x72, 0x79, 0x02, 0x03, 0x01, 0x80, 0x80, 0x04,
  // function section: one function of type 0
  0x03, 0x02, 0x01, 0x00,
  // export section: "sum", function 0
  0x07, 0x07, 0x01, 0x03, 0x73, 0x75, 0x6d, 0x00, 0x00,
  // code section: one body of 0x57 bytes
  0x0a, 0x59, 0x01, 0x57,
  // locals: two v128 ($s1 3, $s2 4), one i32 ($end 5)
  0x02, 0x02, 0x7b, 0x01, 0x7f,
  // $s1 = load($state); $s2 = load($state + 16); $end = $at + $length
  0x20, 0x02, 0xfd, 0x00, 0x00, 0x00, 0x21, 0x03,
  0x20, 0x02, 0xfd, 0x00, 0x00, 0x10, 0x21, 0x04,
  0x20, 0x00, 0x20, 0x01, 0x6a, 0x21, 0x05,
  // block, loop: br_if 1 ($at >= $end)
  0x02, 0x40, 0x03, 0x40,
  0x20, 0x00, 0x20, 0x05, 0x4f, 0x0d, 0x01,
  // $s1 = $s1 + load($at); $s2 = $s2 + $s1
  0x20, 0x03, 0x20, 0x00, 0xfd, 0x00, 0x00, 0x00, 0xfd, 0xae, 0x01, 0x22, 0x03,
  0x20, 0x04, 0xfd, 0xae, 0x01, 0x21, 0x04,
  // $at += 16; br 0; end loop, end block
  0x20, 0x00, 0x41, 0x10, 0x6a, 0x21, 0x00,
  0x0c, 0x00, 0x0b, 0x0b,
  // store($state, $s1); store($state + 16, $s2); end
  0x20, 0x02, 0x20, 0x03, 0xfd, 0x0b, 0x00, 0x00,
  0x20, 0x02, 0x20, 0x04, 0xfd, 0x0b, 0x00, 0x10,
  0x0b
)

const BLOCK = 16
const PAGE = 65536
/** Bytes from outside the memory are summed through this many at a time. After the staging area: the
 * state (two sums per lane), a copy of it for digest(), the pending block and digest()'s last blocks. */
const STAGING = 64 * 1024

type SumFn = (at: number, length: number, state: number) => void

let compiled: WebAssembly.Module | null | undefined

/** The module, compiled once per process; null where WebAssembly (or its SIMD and shared memory) is unavailable. */
function sumModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(MODULE)
    } catch {
      compiled = null
    }
  }
  return compiled
}

export class LaneSum {
  /** The memory, shared so that another thread can read into it: the readers' region first, then the staging area and the sums. */
  readonly memory: SharedArrayBuffer
  /** True when WebAssembly takes the sum; false where it is missing (or not wanted), and JavaScript does. */
  readonly native: boolean
  private readonly bytes: Buffer
  private readonly sum: SumFn
  private readonly stagingAt: number
  private readonly stateAt: number
  private readonly copyAt: number
  private readonly pendingAt: number
  private readonly finalAt: number
  /** Bytes of the pending (partly filled) block. */
  private pending = 0
  private count = 0

  /** `regionBytes`: room at the memory's start for readers to read into (`region`). */
  constructor(
    readonly regionBytes = 0,
    options: { wasm?: boolean } = {}
  ) {
    this.stagingAt = regionBytes
    this.stateAt = this.stagingAt + STAGING
    this.copyAt = this.stateAt + 32
    this.pendingAt = this.copyAt + 32
    this.finalAt = this.pendingAt + BLOCK
    const pages = Math.ceil((this.finalAt + BLOCK) / PAGE)
    const module = options.wasm === false ? null : sumModule()
    if (module) {
      const memory = new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true })
      const instance = new WebAssembly.Instance(module, { m: { memory } })
      this.memory = memory.buffer as SharedArrayBuffer
      this.sum = instance.exports.sum as SumFn
      this.native = true
    } else {
      this.memory = new SharedArrayBuffer(pages * PAGE)
      this.sum = (at, length, state) => sumInJs(this.bytes, at, length, state)
      this.native = false
    }
    // New memory holds zeros: the sums start at 0.
    this.bytes = Buffer.from(this.memory)
  }

  /** `length` bytes at `offset` of the readers' region, to read into: summed where they lie. */
  region(offset: number, length: number): Buffer {
    if (!(offset >= 0 && length >= 0 && offset + length <= this.regionBytes))
      throw new RangeError(`no room for ${length} bytes at ${offset} of ${this.regionBytes}`)
    return this.bytes.subarray(offset, offset + length)
  }

  /** Adds `data`, in any pieces: the sum of a file is the same however its bytes are split. */
  update(data: Buffer): void {
    this.count += data.length
    let at = 0
    if (this.pending > 0) at = this.fillPending(data, 0)
    if (at === data.length) return
    const inside = data.buffer === this.memory && data.byteOffset + data.length <= this.stagingAt
    while (data.length - at >= BLOCK) {
      const blocks = inside ? data.length - at - ((data.length - at) % BLOCK) : Math.min(STAGING, data.length - at - ((data.length - at) % BLOCK))
      if (inside) this.sum(data.byteOffset + at, blocks, this.stateAt)
      else {
        data.copy(this.bytes, this.stagingAt, at, at + blocks)
        this.sum(this.stagingAt, blocks, this.stateAt)
      }
      at += blocks
    }
    if (at < data.length) this.fillPending(data, at)
  }

  /** The sum of every byte added so far, as 64 hex digits (the sum goes on: this can be asked again). */
  digest(): string {
    // On copies of the state and of the pending block, so that the sum can go on afterwards.
    this.bytes.copy(this.bytes, this.copyAt, this.stateAt, this.stateAt + 32)
    if (this.pending > 0) {
      this.bytes.fill(0, this.finalAt, this.finalAt + BLOCK)
      this.bytes.copy(this.bytes, this.finalAt, this.pendingAt, this.pendingAt + this.pending)
      this.sum(this.finalAt, BLOCK, this.copyAt)
    }
    // The byte count, as one more block: a file with trailing zeros sums otherwise like the same file without them.
    this.bytes.fill(0, this.finalAt, this.finalAt + BLOCK)
    this.bytes.writeUIntLE(this.count, this.finalAt, 6)
    this.sum(this.finalAt, BLOCK, this.copyAt)
    return this.bytes.toString('hex', this.copyAt, this.copyAt + 32)
  }

  /** Copies from `data` at `from` into the pending block, summing it once full; where it stopped in `data`. */
  private fillPending(data: Buffer, from: number): number {
    const n = Math.min(BLOCK - this.pending, data.length - from)
    data.copy(this.bytes, this.pendingAt + this.pending, from, from + n)
    this.pending += n
    if (this.pending === BLOCK) {
      this.sum(this.pendingAt, BLOCK, this.stateAt)
      this.pending = 0
    }
    return from + n
  }
}

/** The module's loop in JavaScript, for where WebAssembly is unavailable. */
function sumInJs(bytes: Buffer, at: number, length: number, state: number): void {
  let a1 = bytes.readUInt32LE(state)
  let b1 = bytes.readUInt32LE(state + 4)
  let c1 = bytes.readUInt32LE(state + 8)
  let d1 = bytes.readUInt32LE(state + 12)
  let a2 = bytes.readUInt32LE(state + 16)
  let b2 = bytes.readUInt32LE(state + 20)
  let c2 = bytes.readUInt32LE(state + 24)
  let d2 = bytes.readUInt32LE(state + 28)
  for (let p = at, end = at + length; p < end; p += BLOCK) {
    a1 = (a1 + bytes.readUInt32LE(p)) >>> 0
    b1 = (b1 + bytes.readUInt32LE(p + 4)) >>> 0
    c1 = (c1 + bytes.readUInt32LE(p + 8)) >>> 0
    d1 = (d1 + bytes.readUInt32LE(p + 12)) >>> 0
    a2 = (a2 + a1) >>> 0
    b2 = (b2 + b1) >>> 0
    c2 = (c2 + c1) >>> 0
    d2 = (d2 + d1) >>> 0
  }
  ;[a1, b1, c1, d1, a2, b2, c2, d2].forEach((v, i) => bytes.writeUInt32LE(v, state + 4 * i))
}

/** The lane sum of `data`, whole. */
export function laneSumOf(data: Buffer): string {
  const sum = new LaneSum()
  sum.update(data)
  return sum.digest()
}
