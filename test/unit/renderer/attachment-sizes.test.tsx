// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AttachmentView, ComposeAttachment } from '../../../src-main/ipc/contract';
import { AttachmentList } from '../../../src-renderer/components/AttachmentList';
import { AttachmentField } from '../../../src-renderer/components/Composer/attachment-field';
import { FakeClient, renderWithClient } from './fake-client';

afterEach(cleanup);

const file = (partId: string, size: number): AttachmentView => ({ partId, filename: `${partId}.txt`, contentType: 'text/plain', size, inline: false, contentId: null });
const staged = (stagedId: string, size: number): ComposeAttachment => ({ stagedId, filename: `${stagedId}.txt`, contentType: 'text/plain', size, contentId: null });

describe('attachment sizes below a kilobyte: in bytes, as Thunderbird (not all "1 KB")', () => {
  it('a message\'s attachments, in English and Chinese', () => {
    const attachments = [file('a', 53), file('b', 1), file('c', 36), file('d', 2048)];
    renderWithClient(<AttachmentList messageId={1} attachments={attachments} />, new FakeClient());
    const sizes = screen.getAllByText(/ · /).map((meta) => meta.textContent);
    expect(sizes).toEqual(['text/plain · 53 bytes', 'text/plain · 1 byte', 'text/plain · 36 bytes', 'text/plain · 2 KB']);
    cleanup();
    renderWithClient(<AttachmentList messageId={1} attachments={attachments} />, new FakeClient(), 'zh');
    expect(screen.getAllByText(/ · /).map((meta) => meta.textContent)).toEqual(['text/plain · 53 字节', 'text/plain · 1 字节', 'text/plain · 36 字节', 'text/plain · 2 KB']);
  });

  it('the composer\'s attachments, with the same words', () => {
    renderWithClient(<AttachmentField attachments={[staged('stagedfile1', 15), staged('stagedfile2', 3 * 1024)]} onAdd={() => undefined} onRemove={() => undefined} />, new FakeClient(), 'zh');
    const list = screen.getByText('stagedfile1.txt').closest('ul');
    expect(list?.textContent).toContain('15 字节');
    expect(list?.textContent).toContain('3 KB');
  });
});
