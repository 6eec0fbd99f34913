// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MessageView } from '../../../src-main/ipc/contract';
import { ReadingPane } from '../../../src-renderer/components/ReadingPane';
import { FakeClient, renderWithClient } from './fake-client';
import { MESSAGE } from './mail-fixtures';
import { ToastProvider } from '../../../src-renderer/components/Toasts/toast-context';

afterEach(cleanup);

/** What messages.read gives for a POP3 message over the size limit whose rest the server could not send. */
const PARTIAL: MessageView = { ...MESSAGE, size: 300 * 1024, partial: true, partialBytes: 4 * 1024, warnings: ['wren:PartialDownload'], text: 'The beginning.' };
const WHOLE: MessageView = { ...MESSAGE, size: 300 * 1024, warnings: [], text: 'The beginning. And the whole rest.' };

describe('ReadingPane: a partial POP3 message', () => {
  it('says how much is here, and "Download the rest" opens it again, which fetches the rest', async () => {
    const answers = [PARTIAL, WHOLE];
    const client = new FakeClient({ 'messages.read': () => answers.shift()! });
    renderWithClient(<ToastProvider><ReadingPane message={MESSAGE} accountId={1} /></ToastProvider>, client);
    const notice = await screen.findByTestId('partial-notice');
    expect(notice.textContent).toContain('Only the beginning of this message was downloaded (4 KB of 300 KB)');
    // The notice says it: not again among the warnings.
    expect(screen.queryByTestId('message-warnings')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Download the rest' }));
    await waitFor(() => expect(screen.queryByTestId('partial-notice')).toBeNull());
    expect(client.callsOf('messages.read')).toHaveLength(2);
    expect(screen.getByTestId('reading-pane').textContent).toContain('And the whole rest.');
  });

  it('in Chinese too', async () => {
    const client = new FakeClient({ 'messages.read': () => PARTIAL });
    renderWithClient(<ToastProvider><ReadingPane message={MESSAGE} accountId={1} /></ToastProvider>, client, 'zh');
    expect((await screen.findByTestId('partial-notice')).textContent).toContain('下载其余部分');
  });

  it('a whole message has no notice', async () => {
    const client = new FakeClient({ 'messages.read': () => WHOLE });
    renderWithClient(<ToastProvider><ReadingPane message={MESSAGE} accountId={1} /></ToastProvider>, client);
    await screen.findByText(/And the whole rest/);
    expect(screen.queryByTestId('partial-notice')).toBeNull();
  });

  it('whose rest was deleted on the server: says so, in English and Chinese, with no "Download the rest" to press in vain', async () => {
    const gone: MessageView = { ...PARTIAL, warnings: ['wren:PartialRestGone'] };
    const client = new FakeClient({ 'messages.read': () => gone });
    renderWithClient(<ToastProvider><ReadingPane message={MESSAGE} accountId={1} /></ToastProvider>, client);
    expect((await screen.findByTestId('partial-notice')).textContent).toContain('the rest is no longer on the server');
    expect(screen.queryByTestId('download-rest')).toBeNull();
    expect(screen.queryByTestId('message-warnings')).toBeNull();
    cleanup();
    renderWithClient(<ToastProvider><ReadingPane message={MESSAGE} accountId={1} /></ToastProvider>, new FakeClient({ 'messages.read': () => gone }), 'zh');
    expect((await screen.findByTestId('partial-notice')).textContent).toContain('已不在服务器上');
  });
});
