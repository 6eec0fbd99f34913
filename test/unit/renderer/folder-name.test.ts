import { describe, expect, it } from 'vitest';
import { folderDisplayName } from '../../../src-renderer/i18n/folder-name';
import { translator } from '../../../src-renderer/i18n/translate';
import { zh as chinese } from '../../../src-renderer/i18n/zh';

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
});
