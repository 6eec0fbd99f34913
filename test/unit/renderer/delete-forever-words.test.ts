import { describe, expect, it } from 'vitest';
import { deleteForeverWords } from '../../../src-renderer/components/MailView/delete-forever-words';
import { translator } from '../../../src-renderer/i18n/translate';
import { zh as chinese } from '../../../src-renderer/i18n/zh';
import { en as english } from '../../../src-renderer/i18n/en';

describe('the delete-for-good confirmation', () => {
  const en = translator(english, 'en');
  const zh = translator(chinese, 'zh-CN');

  it('says "this message" for one message, not "the selected messages (1)"', () => {
    expect(deleteForeverWords({ forGood: [7], toTrash: [] }, en)).toBe('This message will be deleted for good. This cannot be undone.');
    expect(deleteForeverWords({ forGood: [7], toTrash: [] }, zh)).toBe('这封邮件将被永久删除。此操作无法撤销。');
  });

  it('counts several', () => {
    expect(deleteForeverWords({ forGood: [7, 8, 9], toTrash: [] }, en)).toBe('These 3 messages will be deleted for good. This cannot be undone.');
    expect(deleteForeverWords({ forGood: [7, 8, 9], toTrash: [] }, zh)).toBe('所选的 3 封邮件将被永久删除。此操作无法撤销。');
  });

  it('says both parts of a mixed delete', () => {
    expect(deleteForeverWords({ forGood: [7], toTrash: [8, 9] }, en)).toBe('1 of the selected messages is in Trash already and will be deleted for good; this cannot be undone. The other 2 will be moved to Trash.');
  });
});
