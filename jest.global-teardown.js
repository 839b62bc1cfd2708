import { rmSync } from 'node:fs'

// Removes the bundles jest.global-setup.js made, and nothing else.
export default function removeBundles() {
  if (globalThis.__boomiBundleDir) rmSync(globalThis.__boomiBundleDir, { recursive: true, force: true })
}
