// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountQuota, AccountView } from '../../../src-main/ipc/contract';
import { ToastList } from '../../../src-renderer/components/Toasts';
import { ToastProvider } from '../../../src-renderer/components/Toasts/toast-context';
import { useQuotaAlerts } from '../../../src-renderer/notifications/use-quota-alerts';
import { ACCOUNT } from './mail-fixtures';
import { ClientProvider } from '../../../src-renderer/client/client-context';
import { I18nProvider } from '../../../src-renderer/i18n/i18n-context';
import { SettingsProvider } from '../../../src-renderer/settings/settings-context';
import { mailCore } from './mail-core';

afterEach(cleanup);

const used = (fraction: number): AccountQuota => ({ storage: { used: fraction * 1000, limit: 1000 }, messages: null, checkedAt: 0 });

function Alerts({ accounts }: { accounts: AccountView[] }) {
  useQuotaAlerts(accounts);
  return null;
}

function setup(language: 'en' | 'zh' = 'en') {
  const { client } = mailCore(0);
  const view = (accounts: AccountView[]) => (
    <ClientProvider client={client}>
      <I18nProvider language={language}>
        <SettingsProvider><ToastProvider><Alerts accounts={accounts} /><ToastList /></ToastProvider></SettingsProvider>
      </I18nProvider>
    </ClientProvider>
  );
  const rendered = render(view([{ ...ACCOUNT, quota: used(0.5) }]));
  const rerender = (fraction: number) => rendered.rerender(view([{ ...ACCOUNT, quota: used(fraction) }]));
  const alerts = () => screen.queryAllByText(/full/).length + screen.queryAllByText(/已用/).length;
  return { rerender, alerts };
}

describe('the quota alert (Thunderbird\'s, at 95%)', () => {
  it('says once that the mailbox is almost full, naming the account and what to do; again only after it went below and came back', () => {
    const { rerender, alerts } = setup();
    rerender(0.9);
    expect(alerts()).toBe(0);
    rerender(0.96);
    expect(screen.getByText(`${ACCOUNT.email}: your mailbox on the server is 96% full. Empty the Trash or delete old mail, or the server will soon refuse new mail.`)).toBeTruthy();
    rerender(0.97);
    expect(alerts()).toBe(1);
    // Trash emptied, then full again: said again (the first toast still shows: an alert lasts a minute).
    rerender(0.5);
    rerender(0.98);
    expect(alerts()).toBe(2);
  });

  it('speaks Chinese', () => {
    const { rerender } = setup('zh');
    rerender(1);
    expect(screen.getByText(`${ACCOUNT.email}：您在服务器上的邮箱已用 100%。请清空已删除文件夹或删除旧邮件，否则服务器很快将拒收新邮件。`)).toBeTruthy();
  });
});
