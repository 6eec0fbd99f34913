// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../../src-main/ipc/contract';
import { App } from '../../../src-renderer/components/App';
import { FakeClient, failure, renderWithClient } from './fake-client';
import { settingsCore } from './settings-core';

afterEach(cleanup);

/** The settings core plus an Address Book whose listing the test lets through when it chooses. */
function bookCore() {
  const contacts = new Map<string, Contact>();
  let listingHeld: Promise<void> = Promise.resolve();
  const client = new FakeClient({
    ...settingsCore().handlers,
    'addresses.lists': () => [],
    'addresses.list': async () => {
      await listingHeld;
      return { total: contacts.size, items: [...contacts.values()] };
    },
    'addresses.save': ({ name, address }) => {
      if (address.endsWith('.invalid')) failure({ code: 'BadRequest', message: 'refused' });
      const previous = contacts.get(address);
      const contact: Contact = { name: name ?? '', address, uses: 0, lastUsed: 0, saved: true };
      contacts.set(address, contact);
      return { ...contact, previousName: previous ? previous.name : null };
    },
  });
  const holdListing = () => {
    let release = () => {};
    listingHeld = new Promise((resolve) => (release = resolve));
    return release;
  };
  return { client, holdListing };
}

async function openBook() {
  await screen.findByTestId('open-settings');
  fireEvent.keyDown(document.body, { key: 'B', code: 'KeyB', ctrlKey: true, shiftKey: true });
  return screen.findByTestId('address-book');
}

const field = (book: HTMLElement, testId: string) => within(book).getByTestId(testId) as HTMLInputElement;

function addEntry(book: HTMLElement, name: string, address: string) {
  fireEvent.change(field(book, 'contacts-new-name'), { target: { value: name } });
  fireEvent.change(field(book, 'contacts-new-address'), { target: { value: address } });
  fireEvent.click(within(book).getByTestId('contacts-add'));
}

describe('adding to the Address Book by hand', () => {
  it('empties the form when the entry is saved, before the book is listed again, so the next entry typed meanwhile stays', async () => {
    const { client, holdListing } = bookCore();
    renderWithClient(<App />, client);
    const book = await openBook();
    await within(book).findByTestId('contacts-count');
    const release = holdListing();
    addEntry(book, 'Carol Chen', 'carol@example.test');
    await waitFor(() => expect(field(book, 'contacts-new-address').value).toBe(''));
    // The listing is still held: the user goes on typing the next entry.
    fireEvent.change(field(book, 'contacts-new-name'), { target: { value: 'Dan' } });
    fireEvent.change(field(book, 'contacts-new-address'), { target: { value: 'dan@example.test' } });
    release();
    await waitFor(() => expect(within(book).getByTestId('contacts-count').textContent).toBe('1 address'));
    expect(field(book, 'contacts-new-name').value).toBe('Dan');
    expect(field(book, 'contacts-new-address').value).toBe('dan@example.test');
  });

  it('says an address added again was there already, with the form emptied by then', async () => {
    const { client } = bookCore();
    renderWithClient(<App />, client);
    const book = await openBook();
    addEntry(book, 'Carol Chen', 'carol@example.test');
    await waitFor(() => expect(within(book).getByTestId('contacts-count').textContent).toBe('1 address'));
    addEntry(book, 'Carol Chen', 'carol@example.test');
    const toast = await screen.findByText('carol@example.test is already in the Address Book.');
    expect(toast).toBeTruthy();
    expect(field(book, 'contacts-new-address').value).toBe('');
  });

  it('keeps a refused entry in the form, to be mended, and says why', async () => {
    const { client } = bookCore();
    renderWithClient(<App />, client);
    const book = await openBook();
    addEntry(book, 'Nobody', 'nobody@example.invalid');
    await waitFor(() => expect(book.querySelector('[data-error-code="BadRequest"]')).not.toBeNull());
    expect(field(book, 'contacts-new-name').value).toBe('Nobody');
    expect(field(book, 'contacts-new-address').value).toBe('nobody@example.invalid');
  });
});

describe('the Address Book while it loads', () => {
  it('says it is loading until the first page comes, then counts it', async () => {
    const { client, holdListing } = bookCore();
    const release = holdListing();
    renderWithClient(<App />, client, 'zh');
    const book = await openBook();
    expect((await within(book).findByTestId('contacts-loading')).textContent).toBe('正在加载通讯录…');
    expect(within(book).queryByTestId('contacts-count')).toBeNull();
    release();
    expect((await within(book).findByTestId('contacts-count')).textContent).toBe('0 个地址');
    expect(within(book).queryByTestId('contacts-loading')).toBeNull();
  });
});

describe('Escape in the Address Book\'s own forms', () => {
  it('cancels a list being edited alone: the book stays open, nothing is saved, and the next Escape closes the book', async () => {
    const { client } = bookCore();
    renderWithClient(<App />, client);
    const book = await openBook();
    fireEvent.click(within(book).getByTestId('contact-list-new'));
    fireEvent.change(field(book, 'contact-list-name'), { target: { value: 'Team' } });
    fireEvent.keyDown(field(book, 'contact-list-name'), { key: 'Escape' });
    expect(within(book).queryByTestId('contact-list-editor')).toBeNull();
    expect(book.isConnected).toBe(true);
    expect(client.callsOf('addresses.saveList')).toEqual([]);
    expect(document.activeElement).toBe(within(book).getByTestId('contact-list-new'));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByTestId('address-book')).toBeNull();
  });

  it('cancels a name being edited in place: the name stays as it was, and the book open', async () => {
    const { client } = bookCore();
    renderWithClient(<App />, client);
    const book = await openBook();
    addEntry(book, 'Carol Chen', 'carol@example.test');
    fireEvent.click(await within(book).findByTestId('contact-edit'));
    fireEvent.change(field(book, 'contact-name-input'), { target: { value: 'Someone else' } });
    fireEvent.keyDown(field(book, 'contact-name-input'), { key: 'Escape' });
    expect(within(book).getByTestId('contact-name').textContent).toBe('Carol Chen ★');
    expect(book.isConnected).toBe(true);
    expect(client.callsOf('addresses.save')).toHaveLength(1);
    expect(document.activeElement).toBe(within(book).getByTestId('contact-edit'));
  });
});
