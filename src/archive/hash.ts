import { promises as fs } from 'node:fs'
import { createHash } from 'node:crypto'

// 4 MiB reads hash at openssl's speed (the default 64 KiB runs at about half).
const HASH_CHUNK = 4 * 1024 * 1024

/**
 * sha256 of a file, streamed through two reused buffers: the next read runs
 * while the last one is hashed, and memory stays flat whatever the file's size
 * (a stream's fresh buffer per chunk piles up garbage faster than it is freed).
 */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256')
  const handle = await fs.open(file, 'r')
  try {
    const buffers = [Buffer.allocUnsafe(HASH_CHUNK), Buffer.allocUnsafe(HASH_CHUNK)]
    let position = 0
    let current = 0
    let reading = handle.read(buffers[current], 0, HASH_CHUNK, position)
    for (;;) {
      const { bytesRead } = await reading
      if (bytesRead === 0) break
      position += bytesRead
      const done = buffers[current]
      current ^= 1
      reading = handle.read(buffers[current], 0, HASH_CHUNK, position)
      hash.update(done.subarray(0, bytesRead))
    }
  } finally {
    await handle.close()
  }
  return hash.digest('hex')
}
