// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { ComposeAttachment } from '../../../src-main/ipc/contract';
import { missingAttachmentWords } from '../../../src-renderer/components/Composer/attachment-reminder';

const FILE: ComposeAttachment = { stagedId: 's1', filename: 'report.pdf', contentType: 'application/pdf', size: 10 } as ComposeAttachment;
const INLINE: ComposeAttachment = { ...FILE, stagedId: 's2', filename: 'logo.png', contentId: 'logo@wren' } as ComposeAttachment;
const plain = (text: string, attachments: ComposeAttachment[] = []) => ({ text, html: null, attachments });

describe('the attachment reminder (Thunderbird\'s): words of the user\'s own text that mention a file none is attached for', () => {
  it('finds English words whole, in any case, file extensions, and Chinese words anywhere', () => {
    expect(missingAttachmentWords(plain('Please see the Attached report.'), '')).toEqual(['Attached']);
    expect(missingAttachmentWords(plain('请查收附件，谢谢。'), '')).toEqual(['附件']);
    expect(missingAttachmentWords(plain('The numbers are in budget.xlsx and notes.PDF'), '')).toEqual(['.xlsx', '.PDF']);
    expect(missingAttachmentWords(plain('隨附報價單 and the attachment, attachment again'), '')).toEqual(['隨附', 'attachment']);
  });

  it('asks nothing of words that only contain one (reattach, attachés) or of a message with a file', () => {
    expect(missingAttachmentWords(plain('I will reattach the trailer; the attachés met.'), '')).toEqual([]);
    expect(missingAttachmentWords(plain('See the attached report.', [FILE]), '')).toEqual([]);
  });

  it('an inline image is no attachment: the reminder still asks', () => {
    expect(missingAttachmentWords(plain('Attached is the plan.', [INLINE]), '')).toEqual(['Attached']);
  });

  it('leaves out the original the core quoted, quoted lines, the signature and a forwarded message', () => {
    const quoted = '\n\nOn 2 Dec 2026, Ann <ann@example.test> wrote:\n> I attached the slides.\n';
    expect(missingAttachmentWords(plain(`Thanks, looks good.${quoted}`), quoted)).toEqual([]);
    expect(missingAttachmentWords(plain('Fine by me.\n> see attachment\n>> 附件'), '')).toEqual([]);
    expect(missingAttachmentWords(plain('Hi Bob,\n\n-- \nAlice (attachments welcome)'), '')).toEqual([]);
    expect(missingAttachmentWords(plain('FYI\n\n---------- 转发的邮件 ----------\n发件人: Ann\n\n附件是报告。'), '')).toEqual([]);
    // Words above the quote still count.
    expect(missingAttachmentWords(plain(`Here is the attachment.${quoted}`), quoted)).toEqual(['attachment']);
  });

  it('in formatted mail, reads the text outside blockquotes, blocks kept apart', () => {
    const html = '<p>Find it attached</p><p>Bob</p><blockquote><p>Send the attachment please</p></blockquote>';
    expect(missingAttachmentWords({ text: '', html, attachments: [] }, '')).toEqual(['attached']);
    expect(missingAttachmentWords({ text: '', html: '<div>Thanks</div><blockquote>见附件</blockquote>', attachments: [] }, '')).toEqual([]);
  });
});
