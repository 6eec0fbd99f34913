// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src-renderer/components/App';
import { drawnWidths, resizePane } from '../../../src-renderer/components/PaneDividers/pane-widths';
import { FakeClient, renderWithClient } from './fake-client';
import { settingsCore } from './settings-core';
import { ACCOUNT } from './mail-fixtures';

afterEach(() => {
  cleanup();
  delete document.documentElement.dataset.theme;
});

async function openSettings() {
  fireEvent.click(await screen.findByTestId('open-settings'));
  return screen.findByTestId('settings');
}

describe('the settings screen', () => {
  it('switches the theme live and saves it', async () => {
    const core = settingsCore();
    renderWithClient(<App />, new FakeClient(core.handlers));
    await openSettings();
    fireEvent.change(screen.getByTestId('settings-theme'), { target: { value: 'dark' } });
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    expect(core.saved().app.theme).toBe('dark');
    fireEvent.change(screen.getByTestId('settings-theme'), { target: { value: 'light' } });
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('light'));
  });

  it('switches the language live, and back to the system\'s', async () => {
    const core = settingsCore();
    renderWithClient(<App />, new FakeClient(core.handlers));
    const dialog = await openSettings();
    fireEvent.change(screen.getByTestId('settings-language'), { target: { value: 'zh' } });
    await waitFor(() => expect(within(dialog).getByRole('heading', { name: '设置' })).toBeTruthy());
    expect(core.saved().app.language).toBe('zh');
    fireEvent.change(screen.getByTestId('settings-language'), { target: { value: 'system' } });
    await waitFor(() => expect(core.saved().app.language).toBeNull());
  });

  it('follows settings another window or the CLI changed', async () => {
    const core = settingsCore();
    const client = new FakeClient(core.handlers);
    renderWithClient(<App />, client);
    await screen.findByTestId('open-settings');
    await client.deliver('settings.changed', { settings: { ...core.saved(), app: { ...core.saved().app, theme: 'dark', language: 'zh' } }, previous: core.saved() });
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    expect(await screen.findByTestId('open-settings')).toHaveProperty('textContent', '设置');
  });

  it('saves an account\'s check interval and body policy; a value out of range is marked, not saved', async () => {
    const core = settingsCore();
    renderWithClient(<App />, new FakeClient(core.handlers));
    await openSettings();
    const interval = screen.getByTestId(`account-${ACCOUNT.id}-interval`);
    fireEvent.change(interval, { target: { value: '0' } });
    expect(interval.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(interval, { target: { value: '15' } });
    await waitFor(() => expect(core.saved().accounts[String(ACCOUNT.id)]?.checkIntervalMinutes).toBe(15));
    fireEvent.change(screen.getByTestId(`account-${ACCOUNT.id}-bodies`), { target: { value: 'recent' } });
    await waitFor(() => expect(core.saved().accounts[String(ACCOUNT.id)]?.bodyDownload).toEqual({ mode: 'recent', days: 30 }));
    fireEvent.change(screen.getByTestId('settings-undo-send'), { target: { value: '31' } });
    expect(core.saved().app.undoSendSeconds).toBe(10);
  });

  it('offers a POP3 account neither the IMAP bodies kept offline nor the archive subfolders: its check downloads mail whole', async () => {
    const core = settingsCore();
    core.handlers['accounts.list'] = () => [{ ...ACCOUNT, protocol: 'pop3' as const }];
    renderWithClient(<App />, new FakeClient(core.handlers));
    await openSettings();
    expect(screen.getByTestId(`account-${ACCOUNT.id}-interval`)).toBeTruthy();
    expect(screen.queryByTestId(`account-${ACCOUNT.id}-bodies`)).toBeNull();
    expect(screen.queryByTestId(`account-${ACCOUNT.id}-archive`)).toBeNull();
  });

  it('lists the senders allowed remote content and removes one', async () => {
    const core = settingsCore({ remoteContent: 'allowList', remoteContentSenders: ['news@example.com', 'shop@example.com'] });
    renderWithClient(<App />, new FakeClient(core.handlers));
    await openSettings();
    const list = await screen.findByTestId('settings-senders');
    fireEvent.click(within(list).getAllByRole('button')[0]!);
    await waitFor(() => expect(core.saved().app.remoteContentSenders).toEqual(['shop@example.com']));
  });

  it('opens from the native menu\'s command', async () => {
    const client = new FakeClient(settingsCore().handlers);
    renderWithClient(<App />, client);
    await screen.findByTestId('open-settings');
    await client.deliver('app.command', { command: 'settings' });
    expect(await screen.findByTestId('settings')).toBeTruthy();
  });

  it('switches the list\'s threads from the native menu\'s View ▸ Threads, and back', async () => {
    const core = settingsCore();
    const client = new FakeClient(core.handlers);
    renderWithClient(<App />, client);
    await screen.findByTestId('open-settings');
    await client.deliver('app.command', { command: 'threads' });
    await waitFor(() => expect(core.saved().app.listThreads).toBe(true));
    await client.deliver('app.command', { command: 'threads' });
    await waitFor(() => expect(core.saved().app.listThreads).toBe(false));
  });

  it('shows ignored threads in the list from the screen\'s switch and from View ▸ Show / Hide Ignored Threads', async () => {
    const core = settingsCore();
    const client = new FakeClient(core.handlers);
    renderWithClient(<App />, client);
    await openSettings();
    const shown = screen.getByTestId('settings-show-ignored') as HTMLInputElement;
    expect(shown.checked).toBe(false);
    fireEvent.click(shown);
    await waitFor(() => expect(core.saved().app.showIgnoredThreads).toBe(true));
    await client.deliver('app.command', { command: 'ignoredThreads' });
    await waitFor(() => expect(core.saved().app.showIgnoredThreads).toBe(false));
    await waitFor(() => expect((screen.getByTestId('settings-show-ignored') as HTMLInputElement).checked).toBe(false));
  });
});

describe('pane widths', () => {
  it('move with the divider, within the bounds the settings accept', () => {
    expect(resizePane({ folders: 240, list: 420 }, 'folders', 30)).toEqual({ folders: 270, list: 420 });
    expect(resizePane({ folders: 240, list: 420 }, 'list', -1000)).toEqual({ folders: 240, list: 140 });
    expect(resizePane({ folders: 240, list: 420 }, 'folders', 5000).folders).toBe(1200);
  });

  it('a move starts from the widths as drawn (a narrow window draws them narrower than saved), else from the saved ones', () => {
    const grid = document.createElement('div');
    document.body.append(grid);
    grid.style.gridTemplateColumns = '340px 339.5px 320px';
    expect(drawnWidths(grid, { folders: 360, list: 800 })).toEqual({ folders: 340, list: 340 });
    // Two columns (Classic, or the message pane hidden): the folders as drawn, the list's width kept for Vertical.
    grid.style.gridTemplateColumns = '300px 900px';
    expect(drawnWidths(grid, { folders: 360, list: 800 })).toEqual({ folders: 300, list: 800 });
    // Not laid out (no resolved pixel columns): the saved widths.
    grid.style.gridTemplateColumns = 'minmax(140px, 360px) minmax(140px, 800px) minmax(320px, 1fr)';
    expect(drawnWidths(grid, { folders: 360, list: 800 })).toEqual({ folders: 360, list: 800 });
    expect(drawnWidths(null, { folders: 360, list: 800 })).toEqual({ folders: 360, list: 800 });
    grid.remove();
  });

  it('stand as the layout says: Classic puts the message under the list, a divider under the list instead of beside it; F8 hides the message pane', async () => {
    const core = settingsCore({ layout: 'classic' });
    renderWithClient(<App />, new FakeClient(core.handlers));
    const panes = await screen.findByTestId('mail-panes');
    await waitFor(() => expect(panes.dataset.arrangement).toBe('classic'));
    expect(panes.style.gridTemplateColumns).toBe('minmax(140px, 240px) minmax(320px, 1fr)');
    expect(panes.style.gridTemplateRows).toBe('auto minmax(100px, 2fr) minmax(160px, 3fr)');
    expect(screen.queryByTestId('pane-divider-list')).toBeNull();
    expect(screen.getByTestId('pane-divider-list-height')).toBeTruthy();
    expect(panes.querySelector(':scope > .reading-pane')).not.toBeNull();
    fireEvent.keyDown(window, { key: 'F8' });
    await waitFor(() => expect(core.saved().app.messagePane).toBe(false));
    await waitFor(() => expect(panes.dataset.arrangement).toBe('listOnly'));
    expect(panes.querySelector(':scope > .reading-pane')).toBeNull();
  });

  it('in Classic, the list is as high as its divider was dragged, saved after a keyboard move', async () => {
    const core = settingsCore({ layout: 'classic', listPaneHeight: 300 });
    renderWithClient(<App />, new FakeClient(core.handlers));
    const divider = await screen.findByTestId('pane-divider-list-height');
    const panes = divider.parentElement as HTMLElement;
    await waitFor(() => expect(panes.style.gridTemplateRows).toBe('auto minmax(100px, 300px) minmax(160px, 1fr)'));
    fireEvent.keyDown(divider, { key: 'ArrowDown' });
    await waitFor(() => expect(core.saved().app.listPaneHeight).toBe(316));
    fireEvent.keyDown(divider, { key: 'ArrowLeft' });
    expect(core.saved().app.listPaneHeight).toBe(316);
  });

  it('are drawn from the settings and saved after a keyboard move', async () => {
    const core = settingsCore({ panes: { folders: 300, list: 400 } });
    renderWithClient(<App />, new FakeClient(core.handlers));
    const divider = await screen.findByTestId('pane-divider-folders');
    await waitFor(() => expect((divider.parentElement as HTMLElement).style.gridTemplateColumns).toBe('minmax(140px, 300px) minmax(140px, 400px) minmax(320px, 1fr)'));
    fireEvent.keyDown(divider, { key: 'ArrowRight' });
    await waitFor(() => expect(core.saved().app.panes).toEqual({ folders: 316, list: 400 }));
  });
});

describe('mark read', () => {
  afterEach(() => localStorage.clear());

  it('is set in the Settings screen only, and saved in settings.json (not the browser)', async () => {
    const core = settingsCore();
    renderWithClient(<App />, new FakeClient(core.handlers));
    expect(within(await screen.findByRole('banner')).queryByTestId('mark-read-mode')).toBeNull();
    const dialog = await openSettings();
    fireEvent.change(within(dialog).getByTestId('mark-read-delay'), { target: { value: '7' } });
    await waitFor(() => expect(core.saved().app.markRead).toEqual({ mode: 'delay', delaySeconds: 7 }));
    expect(within(dialog).getByTestId('mark-read-mode').textContent).toContain('after 7 s');
    fireEvent.change(within(dialog).getByTestId('mark-read-mode'), { target: { value: 'opened' } });
    await waitFor(() => expect(core.saved().app.markRead).toEqual({ mode: 'opened', delaySeconds: 7 }));
    expect(localStorage.getItem('wren.markRead')).toBeNull();
  });

  it('carries a choice left in the browser\'s storage into settings.json once, then forgets it', async () => {
    localStorage.setItem('wren.markRead', JSON.stringify({ mode: 'never', delaySeconds: 4 }));
    const core = settingsCore();
    const client = new FakeClient(core.handlers);
    renderWithClient(<App />, client);
    await waitFor(() => expect(core.saved().app.markRead).toEqual({ mode: 'never', delaySeconds: 4 }));
    expect(localStorage.getItem('wren.markRead')).toBeNull();
    const dialog = await openSettings();
    expect((within(dialog).getByTestId('mark-read-mode') as HTMLSelectElement).value).toBe('never');
    expect(client.callsOf('settings.update')).toEqual([{ app: { markRead: { mode: 'never', delaySeconds: 4 } } }]);
  });

  it('drops a broken stored value without writing it', async () => {
    localStorage.setItem('wren.markRead', JSON.stringify({ mode: 'sometimes', delaySeconds: -1 }));
    const core = settingsCore();
    const client = new FakeClient(core.handlers);
    renderWithClient(<App />, client);
    await openSettings();
    expect(localStorage.getItem('wren.markRead')).toBeNull();
    expect(client.callsOf('settings.update')).toEqual([]);
  });
});
