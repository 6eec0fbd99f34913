import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discoverAccount } from '../../../../src-main/accounts/discovery/discover-account';
import { defaultDiscoveryOptions, type DiscoveryOptions, type DnsLookups } from '../../../../src-main/accounts/discovery/discovery-options';
import { autoconfigXml, startAutoconfigServer, type TestAutoconfigServer } from '../../../lab/autoconfig-server';

/** An in-memory DNS for the chain's logic (the integration test asks a real DNS server). */
function fakeDns(records: { srv?: Record<string, { name: string; port: number }[]>; mx?: Record<string, string>; a?: Record<string, string> } = {}) {
  const asked: string[] = [];
  const missing = () => Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
  const resolver: DnsLookups = {
    resolveSrv: async (name) => {
      asked.push(`SRV ${name}`);
      const found = records.srv?.[name];
      if (!found) throw missing();
      return found.map((r) => ({ ...r, priority: 0, weight: 0 }));
    },
    resolveMx: async (name) => {
      asked.push(`MX ${name}`);
      if (!records.mx?.[name]) throw missing();
      return [{ exchange: records.mx[name], priority: 10 }];
    },
    resolve4: async (name) => {
      asked.push(`A ${name}`);
      if (!records.a?.[name]) throw missing();
      return [records.a[name]];
    },
  };
  return { resolver, asked };
}

let http: TestAutoconfigServer;
beforeEach(async () => {
  http = await startAutoconfigServer();
});
afterEach(() => http.close());

function options(resolver: DnsLookups, extra: Partial<DiscoveryOptions> = {}): DiscoveryOptions {
  return defaultDiscoveryOptions({
    resolver,
    autoconfigUrls: (domain) => [
      { source: 'autoconfig', url: `${http.base}/autoconfig.${domain}/mail/config-v1.1.xml` },
      { source: 'well-known', url: `${http.base}/${domain}/.well-known/autoconfig/mail/config-v1.1.xml` },
    ],
    httpTimeoutMs: 2000,
    dnsTimeoutMs: 2000,
    probeTimeoutMs: 2000,
    ...extra,
  });
}

const AUTOCONFIG = '/autoconfig.corp.test/mail/config-v1.1.xml';
const WELL_KNOWN = '/corp.test/.well-known/autoconfig/mail/config-v1.1.xml';
const corpXml = (host = 'imap.corp.test', socketType = 'SSL') =>
  autoconfigXml('corp.test', [{ type: 'imap', host, port: 993, socketType }, { type: 'smtp', host: 'smtp.corp.test', port: 465, socketType: 'SSL' }]);

describe('discoverAccount: the chain', () => {
  it('answers from the bundled list first, without any network request', async () => {
    const dns = fakeDns();
    const result = await discoverAccount('li@163.com', options(dns.resolver));
    expect(result.config).toMatchObject({ source: 'bundled', imap: { host: 'imap.163.com', port: 993, security: 'tls', user: 'li@163.com' }, warnings: [] });
    expect(http.requests).toEqual([]);
    expect(dns.asked).toEqual([]);
  });

  it('then autoconfig.DOMAIN; a file there stops the chain before .well-known and DNS', async () => {
    http.routes.set(AUTOCONFIG, { body: corpXml() });
    const dns = fakeDns();
    const result = await discoverAccount('ann@corp.test', options(dns.resolver));
    expect(result.config).toMatchObject({ source: 'autoconfig', imap: { host: 'imap.corp.test' }, smtp: { host: 'smtp.corp.test' }, warnings: [] });
    expect(result.steps.map((s) => `${s.source}:${s.outcome}`)).toEqual(['bundled:nothing', 'autoconfig:found']);
    expect(http.requests).toEqual([AUTOCONFIG]);
    expect(dns.asked).toEqual([]);
  });

  it('then DOMAIN/.well-known when autoconfig.DOMAIN has no file', async () => {
    http.routes.set(WELL_KNOWN, { body: corpXml() });
    const result = await discoverAccount('ann@corp.test', options(fakeDns().resolver));
    expect(result.config?.source).toBe('well-known');
    expect(http.requests).toEqual([AUTOCONFIG, WELL_KNOWN]);
  });

  it('goes on past a slow provider, saying it timed out', async () => {
    http.routes.set(AUTOCONFIG, { body: corpXml(), delayMs: 10_000 });
    http.routes.set(WELL_KNOWN, { body: corpXml() });
    const result = await discoverAccount('ann@corp.test', options(fakeDns().resolver, { httpTimeoutMs: 300 }));
    expect(result.steps[1]).toMatchObject({ source: 'autoconfig', outcome: 'timeout', detail: expect.stringMatching(/no answer within/) });
    expect(result.config?.source).toBe('well-known');
  });

  it('goes on past a broken file, saying why it was refused, to SRV records', async () => {
    http.routes.set(AUTOCONFIG, { body: '<clientConfig><emailProvider id="x">' });
    http.routes.set(WELL_KNOWN, { body: '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><clientConfig>&e;</clientConfig>' });
    const dns = fakeDns({ srv: { '_imaps._tcp.corp.test': [{ name: 'mail.corp.test', port: 993 }], '_submission._tcp.corp.test': [{ name: 'mail.corp.test', port: 587 }] } });
    const result = await discoverAccount('ann@corp.test', options(dns.resolver));
    expect(result.steps.map((s) => `${s.source}:${s.outcome}`)).toEqual(['bundled:nothing', 'autoconfig:invalid', 'well-known:invalid', 'srv:found']);
    expect(result.steps[2]!.detail).toMatch(/DTD or entities/);
    expect(result.config).toMatchObject({
      source: 'srv',
      imap: { host: 'mail.corp.test', port: 993, security: 'tls' },
      pop3: null,
      smtp: { host: 'mail.corp.test', port: 587, security: 'starttls' },
    });
  });

  it('says a DNS server that does not answer timed out, and still tries the guess', async () => {
    const dns = fakeDns();
    const silent: DnsLookups = { ...dns.resolver, resolveSrv: () => new Promise(() => undefined) };
    const result = await discoverAccount('ann@corp.test', options(silent, { dnsTimeoutMs: 200 }));
    expect(result.steps.find((s) => s.source === 'srv')).toMatchObject({ outcome: 'timeout' });
    expect(result.steps.at(-1)?.source).toBe('guess');
  });

  it('warns before using a file that sends the password to another domain, or in plain text', async () => {
    http.routes.set(AUTOCONFIG, { body: corpXml('mail.attacker.example', 'plain') });
    const result = await discoverAccount('ann@corp.test', options(fakeDns().resolver));
    expect(result.config?.warnings).toEqual([
      { kind: 'plaintext', host: 'mail.attacker.example' },
      { kind: 'otherDomain', host: 'mail.attacker.example', domain: 'corp.test' },
    ]);
  });

  it('says an OAuth2-only provider will not take a password', async () => {
    const result = await discoverAccount('me@outlook.com', options(fakeDns().resolver));
    expect(result.config?.warnings).toEqual([{ kind: 'oauth2Only', provider: 'Microsoft Outlook.com' }]);
  });

  describe('the guess', () => {
    let imap: Server;
    let port: number;
    beforeEach(async () => {
      imap = createServer((socket) => socket.end('* OK IMAP4rev1 ready\r\n'));
      await new Promise<void>((resolve) => imap.listen(0, '127.0.0.1', resolve));
      port = (imap.address() as AddressInfo).port;
    });
    afterEach(() => new Promise((resolve) => imap.close(resolve)));

    it('last: probes common names under the domain and its MX for a greeting, and only those that resolve', async () => {
      const dns = fakeDns({ mx: { 'corp.test': 'mx1.hoster.example' }, a: { 'imap.hoster.example': '127.0.0.1' } });
      const probePorts = { imap: [{ port, security: 'starttls' as const }], pop3: [], smtp: [] };
      const result = await discoverAccount('ann@corp.test', options(dns.resolver, { probePorts }));
      expect(result.steps.map((s) => `${s.source}:${s.outcome}`)).toEqual(['bundled:nothing', 'autoconfig:nothing', 'well-known:nothing', 'srv:nothing', 'guess:found']);
      expect(result.config).toMatchObject({ source: 'guess', imap: { host: 'imap.hoster.example', port, security: 'starttls', user: 'ann@corp.test' } });
      expect(result.config?.warnings).toEqual([{ kind: 'otherDomain', host: 'imap.hoster.example', domain: 'corp.test' }]);
      expect(dns.asked.indexOf('A imap.corp.test')).toBeLessThan(dns.asked.indexOf('A imap.hoster.example'));
    });

    it('finds nothing when nothing answers, and lists every step tried', async () => {
      const result = await discoverAccount('ann@corp.test', options(fakeDns().resolver));
      expect(result.config).toBeNull();
      expect(result.steps.map((s) => s.source)).toEqual(['bundled', 'autoconfig', 'well-known', 'srv', 'guess']);
      expect(result.steps.every((s) => s.outcome === 'nothing')).toBe(true);
    });
  });
});
