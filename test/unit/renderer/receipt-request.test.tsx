// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppSettings, ReceiptRequest } from '../../../src-main/ipc/contract';
import { ReceiptRequestBar } from '../../../src-renderer/components/ReceiptRequest';
import { ToastList } from '../../../src-renderer/components/Toasts';
import { ToastProvider } from '../../../src-renderer/components/Toasts/toast-context';
import { FakeClient, renderWithClient } from './fake-client';
import { settingsCore } from './settings-core';

afterEach(cleanup);

function render(request: ReceiptRequest | null, app: Partial<AppSettings> = {}, language: 'en' | 'zh' = 'en') {
  const client = new FakeClient({
    ...settingsCore(app).handlers,
    'messages.receiptRequest': () => request,
    'messages.answerReceipt': ({ send }: { send: boolean }) => ({ outboxId: send ? 9 : null }),
  });
  renderWithClient(<ToastProvider><ReceiptRequestBar messageId={7} /><ToastList /></ToastProvider>, client, language);
  return client;
}

describe('the return receipt bar', () => {
  it('asks; Send Receipt answers in the window\'s language, says the receipt is in the Outbox, and the bar goes', async () => {
    const client = render({ to: 'alice@example.test', elsewhere: false, policy: 'ask' }, {}, 'zh');
    expect((await screen.findByTestId('receipt-request')).textContent).toBe('此邮件的发件人要求在您阅读此邮件时通知他。发送回执忽略请求');
    fireEvent.click(screen.getByTestId('receipt-send'));
    await waitFor(() => expect(screen.queryByTestId('receipt-request')).toBeNull());
    expect(client.callsOf('messages.answerReceipt')).toEqual([{ messageId: 7, send: true, language: 'zh' }]);
    expect(await screen.findByText('发给 alice@example.test 的回执已放入发件箱：立即发出，或在您恢复联网后发出。')).toBeTruthy();
  });

  it('Ignore Request answers no, and says nothing more', async () => {
    const client = render({ to: 'alice@example.test', elsewhere: false, policy: 'ask' });
    fireEvent.click(await screen.findByTestId('receipt-ignore'));
    await waitFor(() => expect(screen.queryByTestId('receipt-request')).toBeNull());
    expect(client.callsOf('messages.answerReceipt')).toEqual([{ messageId: 7, send: false, language: 'en' }]);
    expect(screen.queryByText(/Outbox/)).toBeNull();
  });

  it('says where the receipt would go when that is not where the message came from', async () => {
    render({ to: 'track@elsewhere.test', elsewhere: true, policy: 'ask' });
    expect((await screen.findByTestId('receipt-request')).textContent).toContain('The receipt would go to track@elsewhere.test, not to the address the message came from.');
  });

  it('asks nothing with the setting "never", nor for a message without a request', async () => {
    const never = render({ to: 'alice@example.test', elsewhere: false, policy: 'ask' }, { returnReceipts: 'never' });
    await waitFor(() => expect(never.callsOf('settings.get')).toHaveLength(1));
    expect(never.callsOf('messages.receiptRequest')).toEqual([]);
    expect(screen.queryByTestId('receipt-request')).toBeNull();
    cleanup();
    const none = render(null);
    await waitFor(() => expect(none.callsOf('messages.receiptRequest')).toHaveLength(1));
    expect(screen.queryByTestId('receipt-request')).toBeNull();
  });

  it('answers by itself where the settings say so for the message\'s case: always sends (and says so), never turns it down unasked', async () => {
    const always = render({ to: 'alice@example.test', elsewhere: false, policy: 'always' }, {}, 'zh');
    expect(await screen.findByText('已按您对此类邮件的设置向 alice@example.test 发送回执。')).toBeTruthy();
    expect(always.callsOf('messages.answerReceipt')).toEqual([{ messageId: 7, send: true, language: 'zh', automatic: true }]);
    expect(screen.queryByTestId('receipt-request')).toBeNull();
    cleanup();
    const never = render({ to: 'alice@example.test', elsewhere: false, policy: 'never' });
    await waitFor(() => expect(never.callsOf('messages.answerReceipt')).toEqual([{ messageId: 7, send: false, language: 'en', automatic: true }]));
    expect(screen.queryByTestId('receipt-request')).toBeNull();
    expect(screen.queryByText(/return receipt went/)).toBeNull();
  });
});
