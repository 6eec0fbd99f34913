// @vitest-environment jsdom
// jsdom, as DOMPurify (which the editor's HTML goes through) does not support happy-dom.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_APP_SETTINGS, type ComposeAddress } from '../../../src-main/ipc/contract';
import { App } from '../../../src-renderer/components/App';
import { renderWithClient } from './fake-client';
import { mailCore } from './mail-core';
import { composedMessage } from './mail-fixtures';

// jsdom lays nothing out, so has no scrolling to do.
beforeAll(() => {
  Element.prototype.scrollIntoView ??= () => undefined;
});

afterEach(() => {
  cleanup();
  localStorage.clear();
});

const BOB: ComposeAddress = { name: 'Bob', address: 'bob@example.test' };
const QUOTE = '<div data-quoted=""><p>Bob wrote:</p><blockquote type="cite">Room 4.2 or the roof?</blockquote></div>';

/** The composer opened (by `c`, the fake core answering with `message`), as an answer's or a forward's would be. */
const ALICE = { id: 1, accountId: 1, name: 'Alice', email: 'alice@example.test', replyTo: null, signature: '', isDefault: true };

async function openWith(message: ReturnType<typeof composedMessage>, identities = [ALICE]) {
  const core = mailCore(1);
  Object.assign(core.client.handlers, {
    'settings.get': () => ({ settings: { app: DEFAULT_APP_SETTINGS, accounts: {} }, problems: [], path: '/s.json' }),
    'compose.start': () => message,
    'identities.list': () => identities,
  });
  renderWithClient(<App />, core.client);
  await screen.findByTestId('message-list', {}, { timeout: 10_000 });
  fireEvent.keyDown(document.body, { key: 'c' });
  return screen.findByTestId('composer', {}, { timeout: 10_000 });
}

/** The element the caret is in, as the editor's child line it belongs to. */
function caretLine(editor: HTMLElement): Element | null {
  let node = window.getSelection()?.anchorNode ?? null;
  while (node && node.parentNode !== editor) node = node.parentNode;
  return node as Element | null;
}

describe('the formatted composer takes the focus when it opens, as the plain one does', () => {
  it('an answer to an HTML message: the caret on the writing line above the quote, so typing goes there and not to the list', async () => {
    const composer = await openWith(composedMessage({ to: [BOB], subject: 'Re: Venue', html: `<p><br></p>${QUOTE}` }));
    const editor = within(composer).getByRole('textbox', { name: 'Message text' });
    await waitFor(() => expect(document.activeElement).toBe(editor));
    expect(caretLine(editor)).toBe(editor.firstElementChild);
    expect(editor.firstElementChild!.tagName).toBe('P');
  });

  it('an answer below the quote: the caret on the line after it', async () => {
    const composer = await openWith(composedMessage({ to: [BOB], subject: 'Re: Venue', html: `${QUOTE}<p><br></p>`, writeAt: 40 }));
    const editor = within(composer).getByRole('textbox', { name: 'Message text' });
    await waitFor(() => expect(document.activeElement).toBe(editor));
    expect(caretLine(editor)).toBe(editor.querySelector('[data-quoted]')!.nextElementSibling);
  });

  it('a forward (no recipient yet): To has the focus, as in the plain composer and Thunderbird', async () => {
    const composer = await openWith(composedMessage({ subject: 'Fwd: Venue', html: `<p><br></p>${QUOTE}` }));
    const to = within(within(composer).getByTestId('compose-to')).getByRole('combobox');
    await waitFor(() => expect(document.activeElement).toBe(to));
  });

  it('another identity chosen remakes the editor (its signature swapped) without taking the focus from From', async () => {
    const composer = await openWith(composedMessage({ to: [BOB], subject: 'Re: Venue', html: `<p><br></p>${QUOTE}` }), [ALICE, { ...ALICE, id: 2, email: 'alice@work.test', isDefault: false }]);
    const editor = within(composer).getByRole('textbox', { name: 'Message text' });
    await waitFor(() => expect(document.activeElement).toBe(editor));
    const from = within(composer).getByTestId('compose-from') as HTMLSelectElement;
    from.focus();
    await waitFor(() => expect(from.options).toHaveLength(2));
    fireEvent.change(from, { target: { value: '1:2' } });
    await waitFor(() => expect(within(composer).getByRole('textbox', { name: 'Message text' })).not.toBe(editor));
    expect(document.activeElement).toBe(from);
  });
});
