// @vitest-environment jsdom
// jsdom, not happy-dom: HtmlBody runs DOMPurify, which does not support happy-dom.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_APP_SETTINGS, SettingsPatch, type AppSettings, type Settings, type SettingsPatchInput } from '../../../src-main/ipc/contract';
import { HtmlBody } from '../../../src-renderer/components/HtmlBody';
import { FakeClient, renderWithClient } from './fake-client';

afterEach(cleanup);

const MAIL = '<p>Hi</p><img src="https://tracker.example/p.gif">';
const frameHtml = () => (screen.getByTestId('html-body') as HTMLIFrameElement).getAttribute('srcdoc') ?? '';

function clientWith(app: Partial<AppSettings>): { client: FakeClient; saved: () => Settings } {
  let settings: Settings = { app: { ...DEFAULT_APP_SETTINGS, ...app }, accounts: {} };
  const client = new FakeClient({
    'settings.get': () => ({ settings, problems: [], path: '/d/settings.json' }),
    'settings.update': (patch: SettingsPatchInput) => {
      settings = { ...settings, app: { ...settings.app, ...SettingsPatch.parse(patch).app } };
      return { settings, problems: [], path: '/d/settings.json' };
    },
  });
  return { client, saved: () => settings };
}

describe('the remote content setting in the reading pane', () => {
  it('loads at once for a sender on the allow list, whatever the case of the address', async () => {
    const { client } = clientWith({ remoteContent: 'allowList', remoteContentSenders: ['news@example.com'] });
    renderWithClient(<HtmlBody html={MAIL} sender="News@Example.com" />, client);
    await waitFor(() => expect(frameHtml()).toContain('src="https://tracker.example/p.gif"'));
    expect(screen.queryByTestId('remote-blocked')).toBeNull();
  });

  it('asks for another sender; "always load from" loads and puts the sender on the list', async () => {
    const { client, saved } = clientWith({ remoteContent: 'allowList' });
    renderWithClient(<HtmlBody html={MAIL} sender="shop@example.com" />, client);
    fireEvent.click(await screen.findByText('Always load from shop@example.com'));
    expect(frameHtml()).toContain('src="https://tracker.example/p.gif"');
    await waitFor(() => expect(saved().app.remoteContentSenders).toEqual(['shop@example.com']));
  });

  it('asks for every message when set to ask, even for a listed sender, and offers no "always"', async () => {
    const { client } = clientWith({ remoteContent: 'ask', remoteContentSenders: ['news@example.com'] });
    renderWithClient(<HtmlBody html={MAIL} sender="news@example.com" />, client);
    await waitFor(() => expect(client.callsOf('settings.get')).toHaveLength(1));
    expect(await screen.findByTestId('load-remote')).toBeTruthy();
    expect(screen.queryByTestId('load-remote-always')).toBeNull();
    expect(frameHtml()).not.toContain('tracker.example');
  });

  it('never loads when blocked, and offers no button, even for a listed sender', async () => {
    const { client } = clientWith({ remoteContent: 'blocked', remoteContentSenders: ['news@example.com'] });
    renderWithClient(<HtmlBody html={MAIL} sender="news@example.com" />, client);
    await waitFor(() => expect(screen.queryByTestId('load-remote')).toBeNull());
    expect(screen.getByTestId('remote-blocked')).toBeTruthy();
    expect(frameHtml()).not.toContain('tracker.example');
  });

  it('working offline, holds back even an allowed sender\'s content, says why, and loads it when asked', async () => {
    const { client } = clientWith({ remoteContent: 'allowList', remoteContentSenders: ['news@example.com'], workOffline: true });
    renderWithClient(<HtmlBody html={MAIL} sender="news@example.com" />, client);
    // The bar shows before the settings arrive (as for any sender); then it says why it stays.
    await waitFor(() => expect(screen.getByTestId('remote-blocked').textContent).toContain('Working offline: remote content was not loaded'));
    expect(frameHtml()).not.toContain('tracker.example');
    // Already on the list: no "always load from" to offer.
    expect(screen.queryByTestId('load-remote-always')).toBeNull();
    fireEvent.click(screen.getByTestId('load-remote'));
    expect(frameHtml()).toContain('src="https://tracker.example/p.gif"');
  });

  it('once loaded, says that pictures named over plain http are asked for over https only (they may stay empty); not for https ones', async () => {
    const { client } = clientWith({ remoteContent: 'ask' });
    renderWithClient(<HtmlBody html={'<img src="http://shop.example/banner.png"><div style="background:url( \'http://shop.example/bg.png\')">x</div>'} sender="shop@example.com" />, client);
    expect(screen.queryByTestId('remote-plain-http')).toBeNull(); // nothing loads yet: nothing to say
    fireEvent.click(await screen.findByTestId('load-remote'));
    expect(frameHtml()).toContain('src="https://shop.example/banner.png"');
    expect(screen.getByTestId('remote-plain-http').textContent).toContain('offered over unencrypted http');
    cleanup();
    renderWithClient(<HtmlBody html={MAIL} sender="shop@example.com" />, clientWith({ remoteContent: 'ask' }).client);
    fireEvent.click(await screen.findByTestId('load-remote'));
    expect(screen.queryByTestId('remote-plain-http')).toBeNull();
  });
});
