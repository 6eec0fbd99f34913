import { describe, expect, it } from 'vitest';
import { folderDisplayName } from '../../../src-renderer/i18n/folder-name';
import { translator } from '../../../src-renderer/i18n/translate';
import { zh as chinese } from '../../../src-renderer/i18n/zh';

describe('folderDisplayName', () => {
  const zh = translator(chinese, 'zh-CN');

  it('names special folders by their role, and the Local Folders\' Templates, in the user\'s language; others by their own name', () => {
    expect(folderDisplayName({ role: 'inbox', name: 'INBOX' }, zh)).toBe('收件箱');
    expect(folderDisplayName({ role: null, name: 'Templates', path: 'Templates', accountId: null }, zh)).toBe('模板');
    // An account's own folder called Templates is the server's, named as it is.
    expect(folderDisplayName({ role: null, name: 'Templates', path: 'Templates', accountId: 3 }, zh)).toBe('Templates');
    expect(folderDisplayName({ role: null, name: 'Templates', path: 'Work/Templates', accountId: null }, zh)).toBe('Templates');
    expect(folderDisplayName({ role: null, name: '项目', path: '项目' }, zh)).toBe('项目');
  });
});
