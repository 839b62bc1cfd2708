// The agent @actions/http-client chooses for a URL: it honours `https_proxy`,
// `no_proxy` and the runner's proxy settings, and bypasses loopback. Only the
// runner may load @actions/*, so the transport is handed this function.
import type { Agent } from 'node:http'
import { HttpClient } from '@actions/http-client'

export function proxyAgentFor(userAgent: string): (url: string) => Agent {
  const proxyAware = new HttpClient(userAgent, undefined, { keepAlive: true, allowRetries: false })
  return url => proxyAware.getAgent(url)
}
