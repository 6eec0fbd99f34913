// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountView } from '../../../src-main/ipc/contract';
import { ClientProvider } from '../../../src-renderer/client/client-context';
import { useAccountActivity } from '../../../src-renderer/components/MailView/use-account-activity';
import type { AccountFolders } from '../../../src-renderer/components/MailView/use-account-folders';
import { SyncProgress } from '../../../src-renderer/components/SyncProgress';
import { I18nProvider } from '../../../src-renderer/i18n/i18n-context';
import type { Language } from '../../../src-renderer/i18n/language';
import { FakeClient } from './fake-client';
import { ACCOUNT, FOLDERS } from './mail-fixtures';

afterEach(cleanup);

const home: AccountView = { ...ACCOUNT, name: 'Home POP', protocol: 'pop3' };
const folders = new Map<number, AccountFolders>([[home.id, { folders: FOLDERS, error: null }]]);

/** The bar as the mail view draws it: fed by the account's events. */
function Bar() {
  const activity = useAccountActivity([home]);
  return <SyncProgress accounts={[home]} progress={activity.progress} folders={folders} />;
}

function renderBar(language: Language = 'en') {
  const client = new FakeClient();
  render(
    <ClientProvider client={client}>
      <I18nProvider language={language}>
        <Bar />
      </I18nProvider>
    </ClientProvider>,
  );
  return client;
}

const inboxChecked = { accountId: home.id, folderPath: 'INBOX', phase: 'headers' as const, done: 0, total: 0 };

describe('the sync progress bar', () => {
  it('ends when a replay ends, which leaves the account status as it was (a POP3 check after a local change)', async () => {
    const client = renderBar();
    await client.deliver('sync.progress', inboxChecked);
    expect(screen.getByTestId('sync-progress')).toBeTruthy();
    act(() => client.emit('sync.ended', { accountId: home.id }));
    expect(screen.queryByTestId('sync-progress')).toBeNull();
  });

  it("another account's run ending leaves this account's bar", async () => {
    const client = renderBar();
    await client.deliver('sync.progress', inboxChecked);
    act(() => client.emit('sync.ended', { accountId: home.id + 1 }));
    expect(screen.getByTestId('sync-progress')).toBeTruthy();
  });

  it('names the folder as the sidebar does, and the phase in words, in English', async () => {
    const client = renderBar('en');
    await client.deliver('sync.progress', { ...inboxChecked, done: 2, total: 5 });
    expect(screen.getByTestId('sync-progress').textContent).toBe('Inbox: 2 of 5, message list');
  });

  it('in Chinese: 收件箱, not INBOX, and the list phase not called a mailing list (邮件列表)', async () => {
    const client = renderBar('zh');
    await client.deliver('sync.progress', { ...inboxChecked, done: 2, total: 5 });
    expect(screen.getByTestId('sync-progress').textContent).toBe('收件箱：2 / 5，邮件概要');
  });

  it('a folder not listed yet (the first sync) goes by its path; an Inbox without its role still by its name', async () => {
    const client = renderBar('en');
    await client.deliver('sync.progress', { ...inboxChecked, folderPath: 'Archive/2024' });
    expect(screen.getByTestId('sync-progress').textContent).toBe('Archive/2024: 0 of 0, message list');
    act(() => client.emit('sync.progress', { ...inboxChecked, folderPath: 'Inbox' }));
    expect(screen.getByTestId('sync-progress').textContent).toBe('Inbox: 0 of 0, message list');
  });
});
