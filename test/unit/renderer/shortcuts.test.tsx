// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src-renderer/components/App';
import { SHORTCUTS, matchesKey, shortcutFor } from '../../../src-renderer/shortcuts/shortcut-keys';
import { en } from '../../../src-renderer/i18n/en';
import { zh } from '../../../src-renderer/i18n/zh';
import { renderWithClient } from './fake-client';
import { SLOW, withListLayout } from './layout';
import { mailCore } from './mail-core';

afterEach(cleanup);
withListLayout();

const key = (init: Partial<KeyboardEventInit> & { key: string }) => ({ shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...init });
const rowsShown = () => screen.findAllByTestId('message-row', {}, SLOW);
const selectedIds = () =>
  screen.getAllByTestId('message-row').filter((row) => row.getAttribute('aria-selected') === 'true').map((row) => Number(row.dataset.messageId));
const press = (init: KeyboardEventInit & { key: string }, target: Element = document.body) => fireEvent.keyDown(target, init);

describe('shortcut keys', () => {
  it('tells letters with and without Shift apart, and symbols by their character', () => {
    expect(shortcutFor(key({ key: 'j' }))).toBe('next');
    // Shift+K is Thunderbird's Ignore Thread and Shift+J its Not Junk (the arrows extend the selection).
    expect(shortcutFor(key({ key: 'K', shiftKey: true }))).toBe('ignoreThread');
    expect(shortcutFor(key({ key: 'J', shiftKey: true }))).toBe('notJunk');
    expect(shortcutFor(key({ key: '!', shiftKey: true }))).toBe('junk');
    expect(shortcutFor(key({ key: 'ArrowDown', shiftKey: true }))).toBe('extendNext');
    expect(shortcutFor(key({ key: 'I', shiftKey: true }))).toBe('markRead');
    expect(shortcutFor(key({ key: 'i' }))).toBeNull();
    expect(shortcutFor(key({ key: '#', shiftKey: true }))).toBe('delete');
    expect(shortcutFor(key({ key: '?', shiftKey: true }))).toBe('help');
    expect(shortcutFor(key({ key: 'a', ctrlKey: true }))).toBe('selectAll');
    expect(shortcutFor(key({ key: 'a', metaKey: true }))).toBe('selectAll');
    expect(shortcutFor(key({ key: 'a' }))).toBe('replyAll');
    expect(shortcutFor(key({ key: 'e' }))).toBe('archive');
    expect(shortcutFor(key({ key: 'r' }))).toBe('reply');
    expect(shortcutFor(key({ key: 'f' }))).toBe('forward');
    expect(shortcutFor(key({ key: 'c' }))).toBe('compose');
    // Ctrl+S is Save as file (Thunderbird's key), never s's Flag; with no message open it stays the browser's Save.
    expect(shortcutFor(key({ key: 's', ctrlKey: true }))).toBe('saveAs');
    expect(matchesKey(key({ key: 'e', altKey: true }), 'e')).toBe(false);
    // The space bar by its name; with Shift it is another key.
    expect(shortcutFor(key({ key: ' ' }))).toBe('pageDown');
    expect(shortcutFor(key({ key: ' ', shiftKey: true }))).toBe('pageUp');
  });

  it('no key is bound to two actions, and every action has words in both languages', () => {
    const written = SHORTCUTS.flatMap((shortcut) => shortcut.keys);
    expect(new Set(written).size).toBe(written.length);
    for (const { action } of SHORTCUTS) {
      expect(en.strings[`shortcut.${action}`], action).toBeTruthy();
      expect(zh.strings[`shortcut.${action}`], action).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('shortcuts in the mail view', () => {
  it('j/k and arrows move, Shift+arrow extends, Escape clears, Enter keeps only the focused one', async () => {
    const { client } = mailCore(5);
    renderWithClient(<App />, client);
    await rowsShown();
    press({ key: 'j' });
    await waitFor(() => expect(selectedIds()).toEqual([100]));
    press({ key: 'ArrowDown' });
    press({ key: 'j' });
    await waitFor(() => expect(selectedIds()).toEqual([102]));
    press({ key: 'k' });
    await waitFor(() => expect(selectedIds()).toEqual([101]));
    press({ key: 'ArrowDown', shiftKey: true });
    press({ key: 'ArrowDown', shiftKey: true });
    await waitFor(() => expect(selectedIds()).toEqual([101, 102, 103]));
    press({ key: 'Enter' });
    await waitFor(() => expect(selectedIds()).toEqual([103]));
    press({ key: 'Escape' });
    await waitFor(() => expect(selectedIds()).toEqual([]));
    expect(screen.getByText('Choose a message to read it.')).toBeTruthy();
  });

  it('once the open message left the list (moved elsewhere, its thread ignored), j goes to the row that took its place, k to the one above', async () => {
    const { client, rows } = mailCore(5);
    renderWithClient(<App />, client);
    fireEvent.click((await rowsShown())[2]!);
    await waitFor(() => expect(selectedIds()).toEqual([102]));
    // Gone from the folder (another device, a filter): the list is asked again.
    rows.delete(102);
    client.emit('store.changed', { changes: [{ entity: 'messages', folderId: 10, ids: [] }] });
    await waitFor(() => expect(screen.getAllByTestId('message-row')).toHaveLength(4));
    press({ key: 'j' });
    await waitFor(() => expect(selectedIds()).toEqual([103]));
    rows.delete(103);
    client.emit('store.changed', { changes: [{ entity: 'messages', folderId: 10, ids: [] }] });
    await waitFor(() => expect(screen.getAllByTestId('message-row')).toHaveLength(3));
    press({ key: 'k' });
    await waitFor(() => expect(selectedIds()).toEqual([101]));
  });

  it('n and p go to the next and previous unread message, as Thunderbird\'s; none further is said', async () => {
    const { client, rows } = mailCore(6);
    for (const id of [101, 102, 104]) rows.set(id, { ...rows.get(id)!, seen: true });
    renderWithClient(<App />, client);
    fireEvent.click((await rowsShown())[0]!);
    await waitFor(() => expect(selectedIds()).toEqual([100]));
    press({ key: 'n' });
    await waitFor(() => expect(selectedIds()).toEqual([103]));
    press({ key: 'n' });
    await waitFor(() => expect(selectedIds()).toEqual([105]));
    press({ key: 'n' });
    await screen.findByText('No unread message below in this list.');
    expect(selectedIds()).toEqual([105]);
    press({ key: 'p' });
    await waitFor(() => expect(selectedIds()).toEqual([103]));
  });

  it('#, e, s, Shift+I, Shift+U, m, ! and Shift+C act through messages.apply and folders.markRead; z undoes', async () => {
    const { client } = mailCore(4);
    renderWithClient(<App />, client);
    fireEvent.click((await rowsShown())[0]!);
    const applied = () => client.callsOf('messages.apply');
    const step = async (init: KeyboardEventInit & { key: string }, expected: unknown) => {
      const before = applied().length;
      press(init);
      await waitFor(() => expect(applied().length).toBe(before + 1));
      expect(applied().at(-1)).toEqual(expected);
    };
    await step({ key: 's' }, { kind: 'flags', messageIds: [100], add: ['\\Flagged'], remove: [] });
    await step({ key: 'I', shiftKey: true }, { kind: 'flags', messageIds: [100], add: ['\\Seen'], remove: [] });
    await step({ key: 'U', shiftKey: true }, { kind: 'flags', messageIds: [100], add: [], remove: ['\\Seen'] });
    await step({ key: 'm' }, { kind: 'flags', messageIds: [100], add: ['\\Seen'], remove: [] });
    // Junk leaves for the Junk folder: the next message is selected, as after a delete.
    await step({ key: '!' }, { kind: 'junk', messageIds: [100], junk: true });
    await waitFor(() => expect(selectedIds()).toEqual([101]));
    await step({ key: '#' }, { kind: 'delete', messageIds: [101] });
    await waitFor(() => expect(selectedIds()).toEqual([102]));
    await step({ key: 'e' }, { kind: 'archive', messageIds: [102] });
    await screen.findByText('Message archived.');
    press({ key: 'z' });
    await waitFor(() => expect(client.callsOf('operations.undo')).toHaveLength(1));
    press({ key: 'C', shiftKey: true });
    await waitFor(() => expect(client.callsOf('folders.markRead')).toEqual([{ folderId: 10 }]));
  });

  it('! and Shift+J do what the toolbar\'s Junk and Not junk do: the same operation, the same toast', async () => {
    const { client } = mailCore(2);
    renderWithClient(<App />, client);
    fireEvent.click((await rowsShown())[0]!);
    press({ key: '!', shiftKey: true });
    await waitFor(() => expect(client.callsOf('messages.apply')).toEqual([{ kind: 'junk', messageIds: [100], junk: true }]));
    expect((await screen.findByTestId('toast')).textContent).toContain('Marked as junk and moved to Junk.');
    fireEvent.click((await screen.findByTestId('folder-Junk')).querySelector('button.folder-row__button')!);
    fireEvent.click((await rowsShown())[0]!);
    await waitFor(() => expect(selectedIds()).toEqual([100]));
    // In Junk the toolbar offers Not junk, which the key does too.
    expect(screen.getByTestId('action-not-junk')).toBeTruthy();
    press({ key: 'J', shiftKey: true });
    await waitFor(() => expect(client.callsOf('messages.apply').at(-1)).toEqual({ kind: 'junk', messageIds: [100], junk: false }));
    await waitFor(() => expect(screen.getAllByTestId('toast').map((toast) => toast.textContent).join()).toContain('Marked as not junk and moved to the Inbox.'));
  });

  it('the ? overlay lists ! for Mark as junk and Shift + J for Not junk', async () => {
    const { client } = mailCore(1);
    renderWithClient(<App />, client);
    await rowsShown();
    press({ key: '?', shiftKey: true });
    const help = await screen.findByTestId('shortcut-help');
    expect(within(help).getByTestId('shortcut-row-junk').textContent).toBe('!Mark as junk');
    expect(within(help).getByTestId('shortcut-row-notJunk').textContent).toBe('Shift + JMark as not junk (from Junk: back to the Inbox)');
  });

  it('v opens the folder picker, whose typing does not trigger shortcuts', async () => {
    const { client } = mailCore(3);
    renderWithClient(<App />, client);
    fireEvent.click((await rowsShown())[0]!);
    press({ key: 'v' });
    const filter = within(screen.getByTestId('folder-picker')).getByTestId('folder-picker-filter');
    for (const letter of ['s', 'e', 'j']) press({ key: letter }, filter);
    fireEvent.change(filter, { target: { value: 'sej' } });
    expect(client.callsOf('messages.apply')).toEqual([]);
    expect(selectedIds()).toEqual([100]);
  });

  it('never fires while the user types in a field', async () => {
    const { client } = mailCore(3);
    renderWithClient(<App />, client);
    fireEvent.click((await rowsShown())[0]!);
    const field = screen.queryAllByRole('spinbutton')[0] ?? screen.getAllByRole('combobox')[0]!;
    for (const letter of ['#', 'e', 's', 'm']) press({ key: letter }, field);
    press({ key: 'Delete' }, field);
    expect(client.callsOf('messages.apply')).toEqual([]);
  });

  it('? lists the shortcuts, in English and in Chinese', async () => {
    const first = mailCore(1);
    renderWithClient(<App />, first.client);
    await rowsShown();
    press({ key: '?', shiftKey: true });
    const help = screen.getByTestId('shortcut-help');
    expect(within(help).getByRole('heading').textContent).toBe('Keyboard shortcuts');
    expect(within(help).getByTestId('shortcut-row-delete').textContent).toMatch(/Delete.*or.*#.*Delete \(to Trash\)/);
    expect(within(help).getByTestId('shortcut-row-markRead').textContent).toContain('Shift + I');
    expect(within(help).getAllByRole('row')).toHaveLength(SHORTCUTS.length);
    fireEvent.keyDown(help, { key: 'Escape' });
    expect(screen.queryByTestId('shortcut-help')).toBeNull();
    cleanup();

    renderWithClient(<App />, mailCore(1).client, 'zh');
    await rowsShown();
    fireEvent.click(screen.getByTestId('show-shortcuts'));
    const zhHelp = screen.getByTestId('shortcut-help');
    expect(within(zhHelp).getByRole('heading').textContent).toBe('键盘快捷键');
    expect(within(zhHelp).getByTestId('shortcut-row-archive').textContent).toContain('归档');
  });
});
