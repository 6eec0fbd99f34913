import { Resolver } from 'node:dns/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscoveredConfig } from '../../../src-main/ipc/contract';
import { autoconfigXml, startAutoconfigServer, type TestAutoconfigServer } from '../../lab/autoconfig-server';
import { startDnsServer, type TestDnsServer } from '../../lab/dns-server';
import { startLab, type Lab, type LabUser } from '../../lab/lab';
import { simpleMessage } from '../../lab/simple-message';
import { startCore, type TestCore } from '../imap/lab-core';

/**
 * Set-up from the address and password alone, for real: a loopback HTTP
 * server serves autoconfig.DOMAIN's file, a DNS server the test controls
 * answers SRV queries (node's dns.Resolver pointed at it), and the servers
 * found are the lab's Dovecot, which the new accounts then sync from.
 */
describe('set-up from the address, then sync against the lab', () => {
  let lab: Lab;
  let dns: TestDnsServer;
  let http: TestAutoconfigServer;
  let wren: TestCore;
  let alice: LabUser;
  const dan: LabUser = { email: 'dan@srv.test', password: 'dan-secret' };

  beforeAll(async () => {
    lab = await startLab({ users: [dan] });
    alice = lab.users[0]!;
    await lab.seed(alice.email, 'INBOX', [1, 2, 3].map((n) => simpleMessage(n, { subject: 'For alice', to: alice.email })));
    await lab.seed(dan.email, 'INBOX', [4, 5].map((n) => simpleMessage(n, { subject: 'For dan', to: dan.email })));
    dns = await startDnsServer();
    http = await startAutoconfigServer();
    const resolver = new Resolver({ timeout: 2000, tries: 1 });
    resolver.setServers([dns.server]);
    wren = startCore({
      discovery: {
        resolver,
        autoconfigUrls: (domain) => [
          { source: 'autoconfig', url: `${http.base}/autoconfig.${domain}/mail/config-v1.1.xml` },
          { source: 'well-known', url: `${http.base}/${domain}/.well-known/autoconfig/mail/config-v1.1.xml` },
        ],
        httpTimeoutMs: 3000,
        dnsTimeoutMs: 3000,
        probeTimeoutMs: 3000,
        // The guess probes the lab's ports instead of 993/143 (it must not reach anything real).
        probePorts: { imap: [{ port: lab.ports.imaps, security: 'tls' }], pop3: [{ port: lab.ports.pop3s, security: 'tls' }], smtp: [] },
      },
    });
  });
  afterAll(async () => {
    await wren?.dispose();
    await http?.close();
    await dns?.close();
    await lab?.stop();
  });

  /** What the account form does with a found config: the address, the password and the found servers. */
  const draftFrom = (user: LabUser, config: DiscoveredConfig) => ({
    name: user.email,
    email: user.email,
    protocol: 'imap' as const,
    incoming: config.imap!,
    smtp: config.smtp,
    password: user.password,
    trustedCertSha256: lab.certFingerprint256,
  });

  it('finds the servers in autoconfig.DOMAIN\'s file, warns that they are outside the domain, and the account syncs', async () => {
    http.routes.set('/autoconfig.example.test/mail/config-v1.1.xml', {
      body: autoconfigXml('example.test', [
        { type: 'imap', host: lab.host, port: lab.ports.imaps, socketType: 'SSL' },
        { type: 'pop3', host: lab.host, port: lab.ports.pop3s, socketType: 'SSL' },
        { type: 'smtp', host: lab.host, port: lab.ports.submission, socketType: 'STARTTLS' },
      ]),
    });
    const found = await wren.call('accounts.discover', { email: alice.email });
    expect(found.config).toMatchObject({
      source: 'autoconfig',
      imap: { host: lab.host, port: lab.ports.imaps, security: 'tls', user: alice.email },
      pop3: { host: lab.host, port: lab.ports.pop3s, security: 'tls' },
      smtp: { port: lab.ports.submission, security: 'starttls' },
      warnings: [{ kind: 'otherDomain', host: lab.host, domain: 'example.test' }],
    });
    expect(dns.questions).toEqual([]); // the chain stopped at the file

    const account = await wren.call('accounts.add', draftFrom(alice, found.config!));
    const outcome = await wren.call('sync.run', { accountId: account.id });
    expect(outcome.failures).toEqual([]);
    expect(outcome.summaries[0]!.newMessages).toBe(3);
  });

  it('finds the servers in SRV records when the domain has no autoconfig file, asking the DNS server for them', async () => {
    dns.records.srv['_imaps._tcp.srv.test'] = [{ target: lab.host, port: lab.ports.imaps }];
    dns.records.srv['_submission._tcp.srv.test'] = [{ target: lab.host, port: lab.ports.submission }];
    const found = await wren.call('accounts.discover', { email: dan.email });
    expect(found.steps.map((s) => `${s.source}:${s.outcome}`)).toEqual(['bundled:nothing', 'autoconfig:nothing', 'well-known:nothing', 'srv:found']);
    expect(dns.questions).toContain('SRV _imaps._tcp.srv.test');
    expect(found.config).toMatchObject({ source: 'srv', imap: { host: lab.host, port: lab.ports.imaps, security: 'tls', user: dan.email } });
    await wren.call('accounts.add', draftFrom(dan, found.config!));
  });

  it('syncs both accounts at once, and the unified Inbox holds both accounts\' mail, each marked with its account', async () => {
    await lab.seed(alice.email, 'INBOX', [simpleMessage(6, { subject: 'Later for alice', to: alice.email })]);
    const accounts = await wren.call('accounts.list', {});
    const outcomes = await Promise.all(accounts.map((account) => wren.call('sync.run', { accountId: account.id })));
    expect(outcomes.flatMap((outcome) => outcome.failures)).toEqual([]);
    const inbox = await wren.call('messages.listView', { view: 'inbox' });
    expect(inbox.total).toBe(6);
    const byAccount = (id: number) => inbox.items.filter((m) => m.accountId === id).map((m) => m.subject).sort();
    expect(byAccount(accounts[0]!.id)).toEqual(['For alice 1', 'For alice 2', 'For alice 3', 'Later for alice 6']);
    expect(byAccount(accounts[1]!.id)).toEqual(['For dan 4', 'For dan 5']);
    const counts = await wren.call('views.list', {});
    expect(counts.find((c) => c.view === 'inbox')).toEqual({ view: 'inbox', total: 6, unread: 6 });
  });

  it('guesses from the domain\'s MX and common names when there is neither a file nor SRV, probing the server\'s greeting', async () => {
    dns.records.mx['guess.test'] = [{ exchange: 'mx.guess.test', priority: 10 }];
    dns.records.a['imap.guess.test'] = [lab.host];
    const found = await wren.call('accounts.discover', { email: 'erin@guess.test' });
    expect(found.config).toMatchObject({ source: 'guess', imap: { host: 'imap.guess.test', port: lab.ports.imaps, security: 'tls' } });
    expect(dns.questions).toContain('MX guess.test');
  });
});
