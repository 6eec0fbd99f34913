// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../src-main/errors/error-codes';
import { en } from '../../../src-renderer/i18n/en';
import { zh } from '../../../src-renderer/i18n/zh';
import { describeError } from '../../../src-renderer/i18n/error-words';
import { initialLanguage, languageForLocale, saveLanguage } from '../../../src-renderer/i18n/language';
import { translator } from '../../../src-renderer/i18n/translate';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('dictionaries', () => {
  it('zh has exactly the keys of en, each with words', () => {
    expect(Object.keys(zh.strings).sort()).toEqual(Object.keys(en.strings).sort());
    for (const [key, text] of Object.entries(zh.strings)) expect(text.trim(), key).not.toBe('');
  });

  it('zh uses the same placeholders as en for every key', () => {
    for (const key of Object.keys(en.strings) as (keyof typeof en.strings)[]) {
      expect(placeholders(zh.strings[key]), key).toEqual(placeholders(en.strings[key]));
    }
  });

  it('every ErrorCode has words in both languages, and no others exist', () => {
    for (const dictionary of [en, zh]) {
      expect(Object.keys(dictionary.errors).sort()).toEqual([...ERROR_CODES].sort());
      for (const code of ERROR_CODES) expect(dictionary.errors[code].trim(), code).not.toBe('');
    }
  });

  it('zh error words are actually Chinese, not copied English', () => {
    for (const code of ERROR_CODES) expect(zh.errors[code], code).toMatch(/[\u4e00-\u9fff]/);
  });

  it('background words exist for the same codes in both languages, and differ from the setup advice', () => {
    expect(Object.keys(zh.backgroundErrors).sort()).toEqual(Object.keys(en.backgroundErrors).sort());
    for (const [code, text] of Object.entries(zh.backgroundErrors)) {
      expect(text, code).toMatch(/[\u4e00-\u9fff]/);
      expect(text, code).not.toBe(zh.errors[code as keyof typeof zh.backgroundErrors]);
    }
  });
});

describe('describeError', () => {
  const fingerprint = 'AB:'.repeat(31) + 'CD';

  it('words AuthFailed in each language', () => {
    expect(describeError(en, { code: 'AuthFailed', message: 'x' })[0]).toBe('The server rejected the user name or password.');
    expect(describeError(zh, { code: 'AuthFailed', message: 'x' })[0]).toBe('服务器拒绝了用户名或密码。');
  });

  it('says which character a folder name may not hold, in the UI\'s language, never the core\'s English sentence', () => {
    const error = { code: 'FolderNameInvalid' as const, message: 'A folder name cannot contain "/", the server\'s folder separator.', details: { name: '项目/2026', delimiter: '/', local: false } };
    const zhLines = describeError(zh, error);
    expect(zhLines).toEqual([zh.errors.FolderNameInvalid, '名称中不能有：“/”']);
    expect(describeError(en, error)).toEqual([en.errors.FolderNameInvalid, 'Not allowed in a name: “/”']);
  });

  it('words a Local Folders name holding "/" without a server, naming the character once', () => {
    const error = { code: 'FolderNameInvalid' as const, message: 'A local folder name cannot contain "/", the folder separator.', details: { name: '项目/2026', delimiter: '/', local: true } };
    const [english, ...more] = describeError(en, error);
    expect(english).toMatch(/^“\/” cannot be in a folder name here: Local Folders uses it between a folder and its subfolders\./);
    expect(english).not.toMatch(/server/);
    expect(more).toEqual([]);
    const [chinese, ...moreZh] = describeError(zh, error);
    expect(chinese).toMatch(/^文件夹名称中不能有“\/”：本地文件夹用它来分隔文件夹与子文件夹。/);
    expect(chinese).not.toMatch(/服务器/);
    expect(moreZh).toEqual([]);
  });

  it('words a POP3 account\'s folder name holding "/" without a server: its folders are kept on this computer, where "/" nests them', () => {
    const error = { code: 'FolderNameInvalid' as const, message: 'x', details: { name: '项目/2026', delimiter: '/', local: false, keptHere: true } };
    const [english, ...more] = describeError(en, error);
    expect(english).toMatch(/^“\/” cannot be in a folder name here: a POP3 account’s folders are kept on this computer only, and “\/” goes between a folder and its subfolders here\./);
    expect(english).not.toMatch(/server/);
    expect(more).toEqual([]);
    const [chinese, ...moreZh] = describeError(zh, error);
    expect(chinese).toMatch(/^文件夹名称中不能有“\/”：POP3 账户的文件夹只保存在这台电脑上，在这里用“\/”来分隔文件夹与子文件夹。/);
    expect(chinese).not.toMatch(/服务器/);
    expect(moreZh).toEqual([]);
  });

  it('adds the certificate fingerprint to TlsUntrusted', () => {
    const lines = describeError(en, { code: 'TlsUntrusted', message: 'x', details: { certificate: { fingerprint256: fingerprint } } });
    expect(lines[0]).toBe('The server’s certificate is not trusted.');
    expect(lines.join('\n')).toContain(fingerprint);
  });

  it('shows a server refusal in the server’s own words, and not the core’s English sentence for a read-only folder', () => {
    const refused = describeError(zh, { code: 'FolderReadOnly', message: 'The server opened Shared read-only: this account may not change it.', details: { folder: 'Shared' } });
    expect(refused.join('\n')).not.toContain('read-only');
    expect(refused.join('\n')).toContain('Shared');
    const said = describeError(zh, { code: 'ServerSaid', message: 'The server answered: Quota exceeded', details: { serverText: 'Quota exceeded' } });
    expect(said).toContain(translator(zh)('error.detail', { detail: 'Quota exceeded' }));
    const smtp = describeError(zh, { code: 'SmtpRejected', message: 'The SMTP server h:587 refused the message: 552 too big', details: { response: '552 too big' } });
    expect(smtp).toContain(translator(zh)('error.detail', { detail: '552 too big' }));
  });

  it('shows the line a server broke its protocol with, and which server, with words for setup and for an account that worked before', () => {
    const error = { code: 'ServerProtocolError' as const, message: 'The POP3 server pop.example:995 broke the POP3 protocol', details: { host: 'pop.example', port: 995, serverText: '* OK IMAP4rev1 ready' } };
    const setup = describeError(en, error, 'setup');
    expect(setup[0]).toMatch(/Check the port/);
    expect(setup).toContain('Server: pop.example:995');
    expect(setup).toContain(translator(en)('error.detail', { detail: '* OK IMAP4rev1 ready' }));
    const background = describeError(zh, error, 'background');
    expect(background[0]).toBe(zh.backgroundErrors.ServerProtocolError);
    expect(background).toContain(translator(zh)('error.detail', { detail: '* OK IMAP4rev1 ready' }));
  });

  it('names the server when the details say which', () => {
    const lines = describeError(en, { code: 'ConnectionRefused', message: 'x', details: { host: 'mail.example', port: 993 } });
    expect(lines[0]).toMatch(/^Nothing answers on that port/);
    expect(lines).toContain('Server: mail.example:993');
  });

  it('while setting up, advises the other security setting when the server hung up or never greeted at once; not for an account that worked', () => {
    const hungUp = { code: 'ConnectionLost', message: 'x', details: { host: 'mail.example', port: 143, cause: 'ERR_SSL_WRONG_VERSION_NUMBER' } } as const;
    expect(describeError(en, hungUp, 'setup').at(-1)).toMatch(/^The server hung up or stayed silent as soon as Wren connected/);
    expect(describeError(zh, { code: 'Timeout', message: 'x', details: { host: 'mail.example', port: 465, cause: 'GREETING_TIMEOUT' } }, 'setup').at(-1)).toMatch(/^Wren 一连上，服务器就断开或不作声/);
    expect(describeError(en, hungUp, 'background').join(' ')).not.toContain('security setting');
    expect(describeError(en, { code: 'ConnectionLost', message: 'x', details: { host: 'mail.example', port: 143, cause: 'ECONNRESET' } }, 'setup').join(' ')).not.toContain('security setting');
  });

  it('shows the server’s own reply for ServerSaid but not the log message of AuthFailed', () => {
    expect(describeError(en, { code: 'ServerSaid', message: 'NO [OVERQUOTA] quota exceeded' }).join(' ')).toContain('quota exceeded');
    expect(describeError(en, { code: 'AuthFailed', message: 'LOGIN failed for bob' }).join(' ')).not.toContain('bob');
  });

  it('falls back to Internal words for a code it does not know', () => {
    const unknown = { code: 'Brand new' as never, message: 'x' };
    expect(describeError(en, unknown)[0]).toBe(en.errors.Internal);
  });
});

describe('language choice', () => {
  afterEach(() => localStorage.clear());

  it('maps any Chinese locale to zh and everything else to en', () => {
    expect(languageForLocale('zh-CN')).toBe('zh');
    expect(languageForLocale('zh-TW')).toBe('zh');
    expect(languageForLocale('en-GB')).toBe('en');
    expect(languageForLocale('fr')).toBe('en');
  });

  it('prefers the saved choice over the browser locale', () => {
    saveLanguage('zh');
    expect(initialLanguage()).toBe('zh');
    saveLanguage('en');
    expect(initialLanguage()).toBe('en');
  });

  it('fills placeholders', () => {
    expect(translator(en)('messages.count', { count: 3 })).toBe('3 messages');
    expect(translator(zh)('messages.count', { count: 3 })).toBe('3 封邮件');
  });

  it('gives English counts their plural form ("1 message", never "1 messages"); Chinese has one form', () => {
    const t = translator(en, 'en');
    expect(t('messages.count', { count: 1 })).toBe('1 message');
    expect(t('messages.count', { count: 0 })).toBe('0 messages');
    expect(t('notify.newMessages', { count: 1 })).toBe('1 new message');
    expect(t('views.flaggedCount', { count: 1 })).toBe('1 starred message');
    expect(t('done.imported', { count: 1, folder: 'Old' })).toBe('Imported 1 message into Old');
    expect(t('accountDialog.removeText', { email: 'a@b.c', folders: 1, count: 1 })).toContain('1 folder with 1 message,');
    expect(t('accountDialog.removeText', { email: 'a@b.c', folders: 4, count: 2 })).toContain('4 folders with 2 messages,');
    // No English string with a count can say "1 messages" (`.other` keys are used only for counts other than one).
    for (const [key, template] of Object.entries(en.strings).filter(([key]) => !key.endsWith('.other'))) {
      expect(template, key).not.toMatch(/\{count\} (new |starred )?messages/);
    }
    expect(translator(zh, 'zh-CN')('messages.count', { count: 1 })).toBe('1 封邮件');
  });
});
