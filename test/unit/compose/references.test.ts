import { describe, expect, it } from 'vitest';
import { parseMessageIds, replyReferences } from '../../../src-main/compose/references';

describe('References for an answer', () => {
  it('is the parent References followed by the parent Message-ID', () => {
    expect(replyReferences({ messageId: '<c@x>', references: ['<a@x>', '<b@x>'], inReplyTo: '<b@x>' })).toEqual(['<a@x>', '<b@x>', '<c@x>']);
  });

  it('falls back to the parent In-Reply-To when it has no References, and to the Message-ID alone', () => {
    expect(replyReferences({ messageId: '<c@x>', references: [], inReplyTo: '<b@x>' })).toEqual(['<b@x>', '<c@x>']);
    expect(replyReferences({ messageId: '<c@x>', references: [], inReplyTo: null })).toEqual(['<c@x>']);
    expect(replyReferences({ messageId: null, references: [], inReplyTo: null })).toEqual([]);
  });

  it('never repeats an id and keeps the thread root when a long thread is cut', () => {
    expect(replyReferences({ messageId: '<a@x>', references: ['<a@x>'], inReplyTo: null })).toEqual(['<a@x>']);
    const long = Array.from({ length: 40 }, (_, i) => `<m${i}@x>`);
    const cut = replyReferences({ messageId: '<last@x>', references: long, inReplyTo: null });
    expect(cut).toHaveLength(30);
    expect(cut[0]).toBe('<m0@x>');
    expect(cut.at(-1)).toBe('<last@x>');
  });

  it('reads ids out of a folded header', () => {
    expect(parseMessageIds(' <a@x>\r\n <b@y> junk <c@z>')).toEqual(['<a@x>', '<b@y>', '<c@z>']);
  });
});
