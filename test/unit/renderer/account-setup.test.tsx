// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DiscoveredConfig, DiscoveryResult } from '../../../src-main/ipc/contract';
import { AccountSetup } from '../../../src-renderer/components/AccountSetup';
import { FakeClient, renderWithClient } from './fake-client';

afterEach(cleanup);

const CONFIG: DiscoveredConfig = {
  source: 'autoconfig',
  from: 'https://autoconfig.corp.test/mail/config-v1.1.xml',
  displayName: 'Corp mail',
  imap: { host: 'imap.corp.test', port: 993, security: 'tls', user: 'ann@corp.test' },
  pop3: { host: 'pop.corp.test', port: 995, security: 'tls', user: 'ann' },
  smtp: { host: 'smtp.corp.test', port: 465, security: 'tls', user: 'ann@corp.test' },
  warnings: [],
};

function start(result: Omit<DiscoveryResult, 'email'>) {
  const client = new FakeClient({ 'accounts.discover': ({ email }) => ({ email, ...result }) });
  renderWithClient(<AccountSetup onSaved={() => undefined} />, client);
  fireEvent.change(screen.getByTestId('setup-discover-email'), { target: { value: 'ann@corp.test' } });
  fireEvent.change(screen.getByTestId('setup-discover-password'), { target: { value: 'secret' } });
  fireEvent.click(screen.getByTestId('setup-discover-find'));
  return client;
}

const value = (testId: string) => (screen.getByTestId(testId) as HTMLInputElement).value;

describe('AccountSetup', () => {
  it('asks only for the address and password, shows what was found and fills the form with it', async () => {
    const client = start({ config: CONFIG, steps: [] });
    await screen.findByTestId('discovery-result');
    expect(client.callsOf('accounts.discover')).toEqual([{ email: 'ann@corp.test' }]);
    expect(screen.getByTestId('discovery-server-imap').textContent).toContain('imap.corp.test:993');
    fireEvent.click(screen.getByTestId('discovery-use'));
    expect(value('setup-email')).toBe('ann@corp.test');
    expect(value('setup-password')).toBe('secret');
    expect(value('setup-imap-host')).toBe('imap.corp.test');
    expect(value('setup-smtp-port')).toBe('465');
  });

  it('names a provider found in DNS by the address’s domain, not by the core’s English note', async () => {
    start({ config: { ...CONFIG, source: 'srv', from: 'SRV records of corp.test', displayName: null }, steps: [] });
    const found = await screen.findByTestId('discovery-result');
    expect(found.textContent).toContain('Found settings for corp.test (DNS service records).');
    expect(found.textContent).not.toContain('SRV records of');
  });

  it('offers POP3 when both exist, and fills the form with the POP3 server when chosen', async () => {
    start({ config: CONFIG, steps: [] });
    fireEvent.click(await screen.findByTestId('discovery-protocol-pop3'));
    expect(screen.getByTestId('discovery-server-pop3').textContent).toContain('pop.corp.test:995');
    fireEvent.click(screen.getByTestId('discovery-use'));
    expect(value('setup-pop3-host')).toBe('pop.corp.test');
    expect(value('setup-user')).toBe('ann');
  });

  it('shows each warning and uses the settings only once the user acknowledged them', async () => {
    start({ config: { ...CONFIG, warnings: [{ kind: 'otherDomain', host: 'mail.elsewhere.example', domain: 'corp.test' }, { kind: 'plaintext', host: 'mail.elsewhere.example' }] }, steps: [] });
    const warnings = await screen.findAllByTestId('discovery-warning');
    expect(warnings.map((w) => w.textContent)).toEqual([
      expect.stringContaining('mail.elsewhere.example is not part of corp.test'),
      expect.stringContaining('without encryption'),
    ]);
    expect((screen.getByTestId('discovery-use') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('discovery-ack'));
    expect((screen.getByTestId('discovery-use') as HTMLButtonElement).disabled).toBe(false);
  });

  it('leads an OAuth2-only provider to the form set to sign in with the browser (no password field); manual settings remain', async () => {
    start({ config: { ...CONFIG, warnings: [{ kind: 'oauth2Only', provider: 'Microsoft Outlook.com' }] }, steps: [] });
    expect((await screen.findByTestId('discovery-warning')).textContent).toContain('Microsoft Outlook.com accepts only its own sign-in');
    expect((screen.getByTestId('discovery-use') as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(screen.getByTestId('discovery-use'));
    expect(value('setup-auth')).toBe('oauth2');
    expect(screen.queryByTestId('setup-password')).toBeNull();
    expect(screen.getByTestId('oauth2-start').textContent).toBe('Sign in with the browser');
  });

  it('lists what was tried when nothing was found, slow providers included, and leads to manual settings', async () => {
    start({
      config: null,
      steps: [
        { source: 'bundled', from: 'bundled list', outcome: 'nothing', detail: null },
        { source: 'autoconfig', from: 'https://autoconfig.corp.test/mail/config-v1.1.xml', outcome: 'timeout', detail: 'no answer within 8 s' },
      ],
    });
    const nothing = await screen.findByTestId('discovery-nothing');
    expect(nothing.textContent).toContain('the provider’s configuration file: no answer in time (https://autoconfig.corp.test/mail/config-v1.1.xml)');
    // The core's English note for a source that is no file is not shown: the source's words say it.
    expect(nothing.textContent).toContain('Wren’s list of providers: nothing there');
    expect(nothing.textContent).not.toContain('bundled list');
    fireEvent.click(screen.getByTestId('setup-manual-after'));
    expect(value('setup-password')).toBe('secret');
  });
});
