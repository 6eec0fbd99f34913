import { describe, expect, it } from 'vitest';
import type { ErrorShape } from '../../../src-main/errors/error-codes';
import { en } from '../../../src-renderer/i18n/en';
import { zh } from '../../../src-renderer/i18n/zh';
import { describeError } from '../../../src-renderer/i18n/error-words';
import { statusHeadline } from '../../../src-renderer/i18n/status-words';
import { translator } from '../../../src-renderer/i18n/translate';
import { formatTime } from '../../../src-renderer/format/format-date';

const refused: ErrorShape = { code: 'ConnectionRefused', message: 'x', details: { host: 'mail.example', port: 993 } };
const retryAt = Date.UTC(2026, 0, 5, 14, 30, 0);

describe('a server that answered before and now does not (background)', () => {
  it('says the server cannot be reached and when Wren tries again, in English', () => {
    const headline = statusHeadline(translator(en), 'en', 'Work', { state: 'offline', error: refused, retryAt });
    expect(headline).toBe(`Wren cannot reach the mail server of Work. Wren tries again at ${formatTime(retryAt, 'en')}.`);
    const lines = describeError(en, refused, 'background');
    expect(lines[0]).toBe('The server is not answering. It answered before, so your settings are most likely fine.');
    expect(lines).toContain('Server: mail.example:993');
    expect(lines.join(' ')).not.toMatch(/check the port|security setting/i);
  });

  it('says the same in Chinese', () => {
    const headline = statusHeadline(translator(zh), 'zh-CN', '工作', { state: 'offline', error: refused, retryAt });
    expect(headline).toBe(`Wren 无法连接到 工作 的邮件服务器。Wren 将于 ${formatTime(retryAt, 'zh-CN')} 重试。`);
    const lines = describeError(zh, refused, 'background');
    expect(lines[0]).toBe('服务器没有响应。之前可以连接，所以您的设置很可能没有问题。');
    expect(lines.join(' ')).not.toContain('请检查端口');
  });

  it('does not blame the server name when a look-up fails in the background', () => {
    const lines = describeError(en, { code: 'HostNotFound', message: 'x' }, 'background');
    expect(lines[0]).toMatch(/network may be down/);
    expect(lines[0]).not.toMatch(/Check the server name/);
  });

  it('keeps the setup advice for the setup form', () => {
    expect(describeError(en, refused)[0]).toBe('Nothing answers on that port. Check the port and the security setting.');
    expect(describeError(en, refused, 'setup')[0]).toBe(en.errors.ConnectionRefused);
    expect(describeError(zh, refused, 'setup')[0]).toBe(zh.errors.ConnectionRefused);
  });

  it('words that are not setup advice are the same in both contexts', () => {
    const timeout: ErrorShape = { code: 'Timeout', message: 'x' };
    expect(describeError(en, timeout, 'background')).toEqual(describeError(en, timeout, 'setup'));
  });
});

describe('a local fault is not "offline"', () => {
  it.each([
    ['DiskFull', /disk is full/],
    ['DataReadOnly', /cannot be written to/],
    ['DatabaseCorrupt', /damaged/],
  ] as const)('%s: the headline points at this computer, the reason names the fault', (code, words) => {
    const status = { state: 'error' as const, error: { code, message: 'x' }, retryAt: null };
    const headline = statusHeadline(translator(en), 'en', 'Work', status);
    expect(headline).toBe('Work cannot sync: the problem is on this computer, not on the mail server.');
    expect(headline).not.toMatch(/offline/i);
    expect(describeError(en, status.error, 'background')[0]).toMatch(words);
    expect(statusHeadline(translator(zh), 'zh-CN', '工作', status)).toBe('工作 无法同步：问题出在这台电脑上，而不是邮件服务器。');
  });

  it('a busy database says when Wren tries again', () => {
    const headline = statusHeadline(translator(en), 'en', 'Work', { state: 'error', error: { code: 'DatabaseBusy', message: 'x' }, retryAt });
    expect(headline).toBe(`Work cannot sync: the problem is on this computer, not on the mail server. Wren tries again at ${formatTime(retryAt, 'en')}.`);
  });

  it('other failures keep the general headline; being offline keeps its own', () => {
    expect(statusHeadline(translator(en), 'en', 'Work', { state: 'error', error: { code: 'AuthFailed', message: 'x' }, retryAt: null })).toBe('Work has a problem.');
    expect(statusHeadline(translator(en), 'en', 'Work', { state: 'offline', error: { code: 'Offline', message: 'x' }, retryAt: null })).toBe('Work is offline.');
  });
});

describe('working offline (the user\'s choice, not a fault)', () => {
  const workingOffline: ErrorShape = { code: 'WorkingOffline', message: 'x' };
  it('says so without blaming the network or the server, and without a retry time, in English and Chinese', () => {
    expect(statusHeadline(translator(en), 'en', 'Work', { state: 'offline', error: workingOffline, retryAt: null })).toBe('Work: working offline.');
    expect(statusHeadline(translator(zh), 'zh-CN', '工作', { state: 'offline', error: workingOffline, retryAt: null })).toBe('工作：正在脱机工作。');
    expect(describeError(en, workingOffline, 'background')[0]).toBe(en.errors.WorkingOffline);
    expect(describeError(zh, workingOffline, 'background')[0]).toBe('Wren 正在脱机工作。请点击“正在脱机工作”提示中的“联机工作”以连接服务器。');
  });
});
