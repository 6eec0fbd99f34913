// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountQuota } from '../../../src-main/ipc/contract';
import { App } from '../../../src-renderer/components/App';
import { QuotaMeter } from '../../../src-renderer/components/QuotaMeter';
import { quotaReading } from '../../../src-renderer/components/QuotaMeter/quota-level';
import { ACCOUNT } from './mail-fixtures';
import { renderWithClient } from './fake-client';
import { SLOW } from './layout';
import { mailCore } from './mail-core';

afterEach(cleanup);

const GB = 1024 ** 3;
const quota = (storage: number | null, messages: number | null = null): AccountQuota => ({
  storage: storage === null ? null : { used: storage * GB, limit: GB },
  messages: messages === null ? null : { used: messages * 1000, limit: 1000 },
  checkedAt: Date.UTC(2026, 11, 5, 9, 30),
});

function meterOf(value: AccountQuota, language: 'en' | 'zh' = 'en') {
  const { client } = mailCore(0);
  renderWithClient(<QuotaMeter quota={value} />, client, language);
  return screen.queryByTestId('quota-meter');
}

describe('the quota meter under an account\'s folders', () => {
  it('shows the share used and the amounts, with no advice below 80%', () => {
    const meter = meterOf(quota(0.3))!;
    expect(meter.dataset.level).toBe('normal');
    expect(meter.textContent).toBe('30% used307.2 MB of 1.0 GB');
    expect(meter.querySelector('meter')!.getAttribute('value')).toBe('0.3');
    expect(meter.title).toMatch(/^307\.2 MB of 1\.0 GB\nAs the server said at /);
  });

  it('from 80% says the mailbox is filling up; from 95% warns as an alert, in Chinese too', () => {
    expect(meterOf(quota(0.85))!.textContent).toContain('Your mailbox on the server is filling up.');
    cleanup();
    const critical = meterOf(quota(0.97), 'zh')!;
    expect(critical.dataset.level).toBe('critical');
    expect(within(critical).getByRole('alert').textContent).toBe('您在服务器上的邮箱几乎已满：很快将无法接收新邮件。请清空已删除文件夹或删除旧邮件。');
    expect(critical.textContent).toContain('已用 97%');
  });

  it('speaks of the resource nearest its limit: 96% of the messages counts more than half the storage', () => {
    const meter = meterOf(quota(0.5, 0.96))!;
    expect(meter.dataset.level).toBe('critical');
    expect(meter.textContent).toContain('960 of 1,000 messages');
    expect(meter.title).toMatch(/^512\.0 MB of 1\.0 GB\n960 of 1,000 messages\n/);
  });

  it('a mailbox past its limit (some servers allow it for a while) is full, not over 100% of a bar', () => {
    const reading = quotaReading(quota(1.1))!;
    expect(reading).toMatchObject({ level: 'critical', resource: 'storage' });
    expect(meterOf(quota(1.1))!.querySelector('meter')!.getAttribute('value')).toBe('1');
  });

  it('nothing without a limit', () => {
    expect(meterOf(quota(null))).toBeNull();
  });

  it('the window shows it under the account the accounts\' list gives it to, and none for an account without', async () => {
    const { client } = mailCore(0);
    client.handlers['accounts.list'] = () => [{ ...ACCOUNT, quota: quota(0.42) }, { ...ACCOUNT, id: 2, name: 'Home', quota: null }];
    renderWithClient(<App />, client, 'en');
    const work = await screen.findByTestId('account-1', {}, SLOW);
    expect(within(work).getByTestId('quota-meter').textContent).toContain('42% used');
    expect(within(screen.getByTestId('account-2')).queryByTestId('quota-meter')).toBeNull();
  });
});
