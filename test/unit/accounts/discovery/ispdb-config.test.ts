import { describe, expect, it } from 'vitest';
import { IspdbInvalid, parseIspdbConfig } from '../../../../src-main/accounts/discovery/ispdb-config';
import { BUNDLED_PROVIDER_CONFIGS } from '../../../../src-main/accounts/discovery/providers';

const FILE = `<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="example.com">
    <domain>example.com</domain>
    <domain>Example.NET</domain>
    <displayName>Example &amp; Co</displayName>
    <incomingServer type="imap">
      <hostname>imap.example.com</hostname><port>143</port><socketType>plain</socketType>
      <username>%EMAILLOCALPART%</username><authentication>password-cleartext</authentication>
    </incomingServer>
    <incomingServer type="imap">
      <hostname>IMAP.example.com</hostname><port>993</port><socketType>SSL</socketType>
      <username>%EMAILLOCALPART%</username><authentication>password-cleartext</authentication>
    </incomingServer>
    <incomingServer type="pop3">
      <hostname>pop.example.com</hostname><port>995</port><socketType>SSL</socketType>
      <username>%EMAILADDRESS%</username>
    </incomingServer>
    <outgoingServer type="smtp">
      <hostname>smtp.example.com</hostname><port>587</port><socketType>STARTTLS</socketType>
      <username>%EMAILLOCALPART%@%EMAILDOMAIN%</username>
    </outgoingServer>
    <documentation url="https://example.com/help"><descr lang="en">Help</descr></documentation>
  </emailProvider>
</clientConfig>`;

describe('parseIspdbConfig', () => {
  it('reads domains, name and the servers, filling in the address placeholders', () => {
    const config = parseIspdbConfig(FILE, 'ann@example.com');
    expect(config).toMatchObject({ providerId: 'example.com', domains: ['example.com', 'example.net'], displayName: 'Example & Co', oauth2Only: false });
    expect(config.pop3).toEqual({ host: 'pop.example.com', port: 995, security: 'tls', user: 'ann@example.com' });
    expect(config.smtp).toEqual({ host: 'smtp.example.com', port: 587, security: 'starttls', user: 'ann@example.com' });
  });

  it('takes the first encrypted server of a kind over a plain one listed before it', () => {
    expect(parseIspdbConfig(FILE, 'ann@example.com').imap).toEqual({ host: 'imap.example.com', port: 993, security: 'tls', user: 'ann' });
  });

  it('keeps a plain-text server when it is the only one (the chain then warns)', () => {
    const plainOnly = FILE.replace(/<incomingServer type="imap">[\s\S]*?<\/incomingServer>\s*<incomingServer type="imap">[\s\S]*?<\/incomingServer>/, '<incomingServer type="imap"><hostname>imap.example.com</hostname><port>143</port><socketType>plain</socketType></incomingServer>');
    expect(parseIspdbConfig(plainOnly, 'ann@example.com').imap).toMatchObject({ security: 'none', port: 143 });
  });

  it.each([
    ['truncated', FILE.slice(0, 400), /not well-formed/],
    ['a mismatched closing tag', FILE.replace('</displayName>', '</displayname>'), /not well-formed/],
    ['an external entity', `<?xml version="1.0"?><!DOCTYPE c [<!ENTITY x SYSTEM "file:///etc/passwd">]>${FILE.replace(/^<\?xml[^>]*>/, '')}`, /DTD or entities/],
    ['a billion laughs', '<!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><clientConfig>&b;</clientConfig>', /DTD or entities/],
    ['another root element', '<html><body>Not found</body></html>', /root element is <html>/],
    ['two root elements', '<clientConfig></clientConfig><clientConfig></clientConfig>', /more than one root/],
    ['no provider', '<clientConfig version="1.1"></clientConfig>', /no <emailProvider>/],
    ['no usable incoming server', '<clientConfig><emailProvider id="x"><incomingServer type="imap"><hostname>bad host!</hostname><port>99999</port><socketType>SSL</socketType></incomingServer></emailProvider></clientConfig>', /no IMAP or POP3/],
    ['megabytes of text', `<clientConfig>${'x'.repeat(300_000)}</clientConfig>`, /larger than/],
    ['not XML at all', '{"imap": "imap.example.com"}', /root element|not well-formed/],
  ])('refuses %s', (_what, xml, reason) => {
    expect(() => parseIspdbConfig(xml, 'ann@example.com')).toThrow(IspdbInvalid);
    expect(() => parseIspdbConfig(xml, 'ann@example.com')).toThrow(reason);
  });

  it('says when every server takes OAuth2 only', () => {
    const oauth = FILE.replaceAll('<authentication>password-cleartext</authentication>', '<authentication>OAuth2</authentication>').replace(/<username>%EMAIL[^<]*<\/username>\s*<\/(incoming|outgoing)Server>/g, '<username>x</username><authentication>OAuth2</authentication></$1Server>');
    expect(parseIspdbConfig(oauth, 'ann@example.com').oauth2Only).toBe(true);
  });
});

describe('the bundled provider list', () => {
  const parsed = BUNDLED_PROVIDER_CONFIGS.map((xml) => parseIspdbConfig(xml, 'user@example.test'));
  const byDomain = (domain: string) => parsed.find((config) => config.domains.includes(domain));

  it('covers the big Chinese providers and the big international ones', () => {
    for (const domain of ['qq.com', '163.com', '126.com', 'sina.com', 'aliyun.com', 'gmail.com', 'outlook.com', 'hotmail.com', 'icloud.com', 'yahoo.com', 'fastmail.com']) {
      expect(byDomain(domain), domain).toBeDefined();
    }
  });

  it('names each provider\'s published servers, encrypted, on their usual ports', () => {
    expect(byDomain('qq.com')).toMatchObject({ imap: { host: 'imap.qq.com', port: 993, security: 'tls' }, pop3: { host: 'pop.qq.com', port: 995 }, smtp: { host: 'smtp.qq.com', port: 465 } });
    expect(byDomain('163.com')?.imap).toMatchObject({ host: 'imap.163.com', port: 993 });
    expect(byDomain('gmail.com')?.imap).toMatchObject({ host: 'imap.gmail.com', port: 993 });
    expect(byDomain('icloud.com')).toMatchObject({ imap: { host: 'imap.mail.me.com', user: 'user' }, pop3: null, smtp: { host: 'smtp.mail.me.com', port: 587, security: 'starttls' } });
    for (const config of parsed) {
      for (const server of [config.imap, config.pop3, config.smtp]) if (server) expect(server.security, config.providerId).not.toBe('none');
    }
  });

  it('marks Outlook.com as OAuth2 only, and no other', () => {
    expect(parsed.filter((config) => config.oauth2Only).map((config) => config.providerId)).toEqual(['outlook.com']);
  });
});
