// @vitest-environment node
import { hostname } from 'node:os'
import { describe, expect, it } from 'vitest'
import { createAgoraServer } from '../../../src/server.js'
import { listenedHosts } from '../../../src/server/node/listenedHosts.js'

describe('listenedHosts (the CLI pins the hosts it listens on)', () => {
  it('a loopback address: every loopback name, so http://localhost:PORT works as well as 127.0.0.1', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]']) expect(listenedHosts(host), host).toEqual(['localhost', '127.0.0.1', '[::1]'])
  })

  it('one address or name: that one only (IPv6 in brackets, as a Host header writes it)', () => {
    expect(listenedHosts('192.0.2.7')).toEqual(['192.0.2.7'])
    expect(listenedHosts('Dev.Example')).toEqual(['dev.example'])
    expect(listenedHosts('2001:db8::1')).toEqual(['[2001:db8::1]'])
  })

  it('all interfaces: loopback, the machine name and each address, all accepted by createAgoraServer', () => {
    const hosts = listenedHosts('0.0.0.0')
    expect(hosts).toEqual(expect.arrayContaining(['localhost', '127.0.0.1', '[::1]']))
    if (/^[a-z0-9_.-]+$/.test(hostname().toLowerCase())) expect(hosts).toContain(hostname().toLowerCase())
    expect(hosts.filter((host) => host.includes('%'))).toEqual([])
    expect(() => createAgoraServer({ origins: hosts })).not.toThrow()
  })
})
