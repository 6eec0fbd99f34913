// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FolderRole, SearchHit } from '../../../src-main/ipc/contract';
import { App } from '../../../src-renderer/components/App';
import { MessageRow } from '../../../src-renderer/components/MessageRow';
import type { Language } from '../../../src-renderer/i18n/language';
import { FakeClient, renderWithClient } from './fake-client';
import { SLOW, withListLayout } from './layout';
import { mailCore } from './mail-core';
import { SUMMARY } from './mail-fixtures';

afterEach(cleanup);
withListLayout();

const TO = [
  { name: 'Alice', address: 'alice@example.test' },
  { name: '', address: 'bob@example.test' },
];

function person(folderRole: FolderRole | null, to = TO, language: Language = 'en') {
  renderWithClient(
    <MessageRow message={{ ...SUMMARY, to }} folderRole={folderRole} selected={false} focused={false} onClick={() => undefined} onDoubleClick={() => undefined}
      onContextMenu={() => undefined} onDragStart={() => undefined} style={{}} />,
    new FakeClient(),
    language,
  );
  const shown = screen.getByTestId('message-person');
  cleanup();
  return { text: shown.textContent, title: shown.getAttribute('title') };
}

const personOf = (row: HTMLElement) => within(row).getByTestId('message-person').textContent;

describe('the person column of a message row', () => {
  it('names the recipients in Sent and Drafts, the sender elsewhere', () => {
    expect(person('sent')).toEqual({ text: 'To: Alice, bob@example.test', title: 'Alice <alice@example.test>, bob@example.test' });
    expect(person('drafts').text).toBe('To: Alice, bob@example.test');
    expect(person('drafts', []).text).toBe('To: (no recipients)');
    expect(person('inbox')).toEqual({ text: 'Bob Sender', title: 'Bob Sender <bob@example.test>' });
    expect(person('trash').text).toBe('Bob Sender');
    expect(person(null).text).toBe('Bob Sender');
    expect(person('sent', TO, 'zh').text).toBe('收件人：Alice, bob@example.test');
  });

  it('shows the recipients in the Sent folder of the list', async () => {
    const { client, rows } = mailCore(3);
    rows.set(101, { ...rows.get(101)!, folderId: 11, to: TO });
    renderWithClient(<App />, client);
    await waitFor(() => expect(screen.getAllByTestId('message-row').map(personOf)).toEqual(['Bob Sender', 'Bob Sender']), SLOW);

    fireEvent.click(within(screen.getByTestId('folder-Sent')).getByRole('button'));
    await waitFor(() => expect(screen.getAllByTestId('message-row').map(personOf)).toEqual(['To: Alice, bob@example.test']));
  });

  it('decides per row in search results, which have no folder role of their own', async () => {
    const { client, rows } = mailCore(2);
    const hit = (id: number, folderRole: FolderRole): SearchHit => ({
      ...rows.get(id)!, to: TO, accountId: 1, folderPath: folderRole === 'sent' ? 'Sent' : 'INBOX', folderName: folderRole === 'sent' ? 'Sent' : 'INBOX', folderRole,
    });
    client.handlers['messages.search'] = () => ({ total: 2, items: [hit(100, 'sent'), hit(101, 'inbox')], unindexed: 0, textless: 0 });
    renderWithClient(<App />, client);
    await screen.findAllByTestId('message-row', {}, SLOW);

    fireEvent.change(screen.getByTestId('search-box'), { target: { value: 'report' } });
    await waitFor(() => expect(client.callsOf('messages.search')).not.toHaveLength(0));
    await waitFor(() => expect(screen.getAllByTestId('message-row').map(personOf)).toEqual(['To: Alice, bob@example.test', 'Bob Sender']));
  });
});
