// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MessageSummary } from '../../../src-main/ipc/contract';
import { App } from '../../../src-renderer/components/App';
import { MessageRow } from '../../../src-renderer/components/MessageRow';
import type { Language } from '../../../src-renderer/i18n/language';
import { FakeClient, renderWithClient } from './fake-client';
import { SLOW, withListLayout } from './layout';
import { mailCore } from './mail-core';
import { SUMMARY } from './mail-fixtures';

afterEach(cleanup);
withListLayout();

/** The replied and forwarded marks a row shows, by what a screen reader says of them. */
function answerMarks(marks: Pick<MessageSummary, 'answered' | 'forwarded'>, language: Language = 'en'): string[] {
  renderWithClient(
    <MessageRow message={{ ...SUMMARY, ...marks }} folderRole="inbox" selected={false} focused={false} onClick={() => undefined} onDoubleClick={() => undefined}
      onContextMenu={() => undefined} onDragStart={() => undefined} style={{}} />,
    new FakeClient(),
    language,
  );
  const shown = screen.queryAllByRole('img').map((mark) => `${mark.getAttribute('aria-label')}|${mark.getAttribute('title')}`);
  cleanup();
  return shown;
}

describe('the replied and forwarded marks of a message row', () => {
  it('shows ↩ for a reply sent, ↪ for a forward, both when both, none otherwise; named in English and Chinese', () => {
    expect(answerMarks({ answered: false })).toEqual([]);
    expect(answerMarks({ answered: true })).toEqual(['Replied|Replied']);
    expect(answerMarks({ answered: false, forwarded: true })).toEqual(['Forwarded|Forwarded']);
    expect(answerMarks({ answered: true, forwarded: true })).toEqual(['Replied|Replied', 'Forwarded|Forwarded']);
    expect(answerMarks({ answered: true, forwarded: true }, 'zh')).toEqual(['已回复|已回复', '已转发|已转发']);
  });

  it('draws the arrows as text, beside the star', () => {
    renderWithClient(
      <MessageRow message={{ ...SUMMARY, answered: true, forwarded: true }} folderRole="inbox" selected={false} focused={false} onClick={() => undefined}
        onDoubleClick={() => undefined} onContextMenu={() => undefined} onDragStart={() => undefined} style={{}} />,
      new FakeClient(),
    );
    expect(screen.getByTestId('replied-mark').textContent).toBe('↩\uFE0E');
    expect(screen.getByTestId('forwarded-mark').textContent).toBe('↪\uFE0E');
    expect(screen.getByTestId('forwarded-mark').nextElementSibling?.textContent).toBe('★');
  });

  it('appears in the list once the store announces the message replied (as sending a reply marks it)', async () => {
    const { client, rows } = mailCore(2);
    renderWithClient(<App />, client);
    const row = async (id: number) => (await screen.findAllByTestId('message-row', {}, SLOW)).find((each) => each.dataset.messageId === String(id))!;
    expect(within(await row(100)).queryByTestId('replied-mark')).toBeNull();

    rows.set(100, { ...rows.get(100)!, answered: true });
    await client.deliver('store.changed', { changes: [{ entity: 'messages', folderId: 10, ids: [100] }] });
    await waitFor(async () => expect(within(await row(100)).getByRole('img', { name: 'Replied' })).toBeTruthy());
    expect(within(await row(101)).queryByTestId('replied-mark')).toBeNull();
  });
});
