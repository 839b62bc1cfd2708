import { rmSync } from 'node:fs'

export default function removeBundle() {
  const child = globalThis.__boomiBundle
  if (child && child.exitCode === null) child.kill('SIGKILL')
  if (process.env.BOOMI_ACTION_BUNDLE_DIR) rmSync(process.env.BOOMI_ACTION_BUNDLE_DIR, { recursive: true, force: true })
}
