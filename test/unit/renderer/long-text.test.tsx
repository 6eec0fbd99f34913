// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LongText } from '../../../src-renderer/components/MessageBody/long-text-view';
import { BLOCK_CHARS, partEnd, SHOWN_AT_ONCE, textBlocks, utf8Bytes } from '../../../src-renderer/components/MessageBody/long-text';
import { FakeClient, renderWithClient } from './fake-client';

afterEach(cleanup);

/** The QA mail that froze the window: 4.6 MB of text on one line, ending in a word searched for. */
const ONE_LINE = `${'ABCDEFGHIJ中文'.repeat(300_000)}ENDMARKER`;

describe('cutting a long text', () => {
  it('cuts a text of one line into blocks no longer than a block, losing nothing', () => {
    const blocks = textBlocks(ONE_LINE, 0, ONE_LINE.length);
    expect(blocks.join('')).toBe(ONE_LINE);
    expect(Math.max(...blocks.map((block) => block.length))).toBe(BLOCK_CHARS);
  });

  it('cuts after a line break when there is one in the second half', () => {
    const text = `${'a'.repeat(10)}\n${'b'.repeat(10)}\n${'c'.repeat(10)}`;
    expect(textBlocks(text, 0, text.length, 16)).toEqual([`${'a'.repeat(10)}\n`, `${'b'.repeat(10)}\n`, 'c'.repeat(10)]);
  });

  it('never cuts between the two halves of a surrogate pair', () => {
    const text = `${'a'.repeat(15)}😀${'b'.repeat(20)}`;
    expect(partEnd(text, 0, 16)).toBe(15);
    expect(textBlocks(text, 0, text.length, 16).join('')).toBe(text);
  });

  it('counts sizes in UTF-8', () => {
    expect(utf8Bytes('aé中😀')).toBe(1 + 2 + 3 + 4);
  });
});

describe('LongText', () => {
  it('shows a short text whole, as written, with no notice', () => {
    renderWithClient(<LongText text={'Hello\n\nBye'} testId="message-text" />, new FakeClient());
    expect(screen.getByTestId('message-text').textContent).toBe('Hello\n\nBye');
    expect(screen.queryByTestId('text-partial')).toBeNull();
  });

  it('shows the first 256 KB of a text of one line, in blocks, with a notice, and the rest when asked', async () => {
    renderWithClient(<LongText text={ONE_LINE} testId="message-text" />, new FakeClient());
    const text = screen.getByTestId('message-text');
    expect(text.textContent).toBe(ONE_LINE.slice(0, SHOWN_AT_ONCE));
    expect(text.children).toHaveLength(SHOWN_AT_ONCE / BLOCK_CHARS);
    expect(screen.getByTestId('text-partial').textContent).toMatch(/showing its first 341 KB of 4\.6 MB/);
    fireEvent.click(screen.getByTestId('show-rest'));
    expect(screen.getByTestId('text-partial').textContent).toMatch(/Preparing the rest of the message… \d+%/);
    await waitFor(() => expect(screen.queryByTestId('text-partial')).toBeNull(), { timeout: 20_000 });
    expect(screen.getByTestId('message-text').textContent).toBe(ONE_LINE);
    expect(Math.max(...[...screen.getByTestId('message-text').children].map((block) => block.textContent!.length))).toBe(BLOCK_CHARS);
  }, 30_000);

  it('says so in Chinese', () => {
    renderWithClient(<LongText text={ONE_LINE} testId="message-text" />, new FakeClient(), 'zh');
    expect(screen.getByTestId('text-partial').textContent).toContain('邮件较长：已显示前');
    expect(screen.getByTestId('show-rest').textContent).toBe('显示其余部分');
  });
});
