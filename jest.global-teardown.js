import { rmSync } from 'node:fs'

export default function removeBundle() {
  if (process.env.BOOMI_ACTION_BUNDLE_DIR) rmSync(process.env.BOOMI_ACTION_BUNDLE_DIR, { recursive: true, force: true })
}
