import { describe, expect, it } from 'vitest';
import { folderDisplayName } from '../../../src-renderer/i18n/folder-name';
import { translator } from '../../../src-renderer/i18n/translate';
import { zh as chinese } from '../../../src-renderer/i18n/zh';
import { en as english } from '../../../src-renderer/i18n/en';

describe('folderDisplayName', () => {
  const zh = translator(chinese, 'zh-CN');

  it('names special folders by their role, and folders of templates, in the user\'s language; others by their own name', () => {
    expect(folderDisplayName({ role: 'inbox', name: 'INBOX' }, zh)).toBe('收件箱');
    expect(folderDisplayName({ role: null, name: 'Templates', path: 'Templates', accountId: null }, zh)).toBe('模板');
    // An account's own Templates on its server holds templates too (Thunderbird's), so it is named as one.
    expect(folderDisplayName({ role: null, name: 'Templates', path: 'Templates', accountId: 3 }, zh)).toBe('模板');
    expect(folderDisplayName({ role: null, name: 'Templates', path: 'Projects/Templates', accountId: 3 }, zh)).toBe('Templates');
    expect(folderDisplayName({ role: null, name: 'Templates', path: 'Work/Templates', accountId: null }, zh)).toBe('Templates');
    expect(folderDisplayName({ role: null, name: '项目', path: '项目' }, zh)).toBe('项目');
    // A removed POP3 account's Inbox, kept in the Local Folders without its role: still the Inbox, by the name IMAP reserves.
    expect(folderDisplayName({ role: null, name: 'Inbox', path: 'popper@example.test/Inbox', accountId: null }, zh)).toBe('收件箱');
  });

  it('names the special folders a removed POP3 account left in the Local Folders (no role kept) in the user\'s language; the user\'s own of those names stay as named', () => {
    const en = translator(english, 'en');
    const kept = (name: string, home = 'popper@example.test') => ({ role: null, name, path: `${home}/${name}`, accountId: null });
    expect(['Sent', 'Drafts', 'Trash', 'Archives', 'Junk'].map((name) => folderDisplayName(kept(name), zh))).toEqual(['已发送', '草稿', '已删除', '归档', '垃圾邮件']);
    expect(['Sent', 'Drafts', 'Trash', 'Archives', 'Junk'].map((name) => folderDisplayName(kept(name), en))).toEqual(['Sent', 'Drafts', 'Trash', 'Archive', 'Junk']);
    expect(folderDisplayName(kept('Trash', 'popper@example.test (2)'), zh)).toBe('已删除');
    // A folder of the user's own, elsewhere or deeper, or a server's folder without the role: its own name.
    expect(folderDisplayName({ role: null, name: 'Trash', path: 'Projects/Trash', accountId: null }, zh)).toBe('Trash');
    expect(folderDisplayName({ role: null, name: 'Trash', path: 'popper@example.test/Old/Trash', accountId: null }, zh)).toBe('Trash');
    expect(folderDisplayName({ role: null, name: 'Sent', path: 'a@b/Sent', accountId: 3 }, zh)).toBe('Sent');
    expect(folderDisplayName(kept('Receipts'), zh)).toBe('Receipts');
  });
});
