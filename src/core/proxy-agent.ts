// The agent @actions/http-client chooses for a URL: it honours `https_proxy`,
// `no_proxy` and the runner's proxy settings, and bypasses loopback. Both front
// ends use it: it is a proxy resolver, the one @actions/* package that knows
// nothing of the Actions runner, so the core may load it (eslint.config.js).
import type { Agent } from 'node:http'
import { HttpClient } from '@actions/http-client'

export function proxyAgentFor(userAgent: string): (url: string) => Agent {
  const proxyAware = new HttpClient(userAgent, undefined, { keepAlive: true, allowRetries: false })
  return url => proxyAware.getAgent(url)
}
