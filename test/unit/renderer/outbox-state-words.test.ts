import { describe, expect, it } from 'vitest';
import type { ErrorShape } from '../../../src-main/errors/error-codes';
import type { OutboxEntryView } from '../../../src-main/ipc/contract';
import { outboxStateWords, retryWhenWords } from '../../../src-renderer/components/Outbox/outbox-state-words';
import { formatTime } from '../../../src-renderer/format/format-date';
import { describeError } from '../../../src-renderer/i18n/error-words';
import { en } from '../../../src-renderer/i18n/en';
import { localeFor } from '../../../src-renderer/i18n/language';
import { translator } from '../../../src-renderer/i18n/translate';
import { zh } from '../../../src-renderer/i18n/zh';

const NOW = Date.UTC(2026, 0, 5, 14, 30, 0);
const refused: ErrorShape = { code: 'ConnectionRefused', message: 'connect ECONNREFUSED', details: { host: 'smtp.example.test', port: 587, protocol: 'smtp', response: null } };
const queued = (fields: Partial<OutboxEntryView>): OutboxEntryView => ({
  id: 1, accountId: 1, messageId: '<m1@x>', subject: 'S', to: ['bob@example.test'], state: 'queued', sendAt: null, attempts: 0,
  nextAttemptAt: null, error: null, refused: [], createdAt: NOW, editable: true, ...fields,
});

describe('a queued message in words', () => {
  it('waits to send when no try failed yet, and waits for Go online when the user works offline', () => {
    expect(outboxStateWords(queued({}))).toEqual({ kind: 'plain', key: 'outbox.state.waiting' });
    const offline = queued({ error: { code: 'WorkingOffline', message: 'x' } });
    expect(outboxStateWords(offline)).toEqual({ kind: 'plain', key: 'outbox.state.workingOffline' });
  });

  it('after a try that did not go (the server unreachable, a 4xx), keeps the error, the next try and how many were made', () => {
    const entry = queued({ error: refused, attempts: 2, nextAttemptAt: NOW + 30_000 });
    expect(outboxStateWords(entry)).toEqual({ kind: 'retrying', error: refused, nextAttemptAt: NOW + 30_000, attempts: 2 });
    const deferred: ErrorShape = { code: 'SmtpDeferred', message: 'x', details: { response: '451 4.3.0 Try later' } };
    expect(outboxStateWords(queued({ error: deferred, attempts: 1 })).kind).toBe('retrying');
  });
});

describe('when a message that did not go is tried again', () => {
  const next = NOW + 60_000;

  it('says the time of the next try and the tries so far, in English', () => {
    const t = translator(en, localeFor('en'));
    expect(retryWhenWords(t, localeFor('en'), { nextAttemptAt: next, attempts: 1 }, NOW))
      .toBe(`Not sent yet. Wren tries again at ${formatTime(next, localeFor('en'))} (1 attempt so far).`);
    expect(retryWhenWords(t, localeFor('en'), { nextAttemptAt: next, attempts: 3 }, NOW)).toContain('(3 attempts so far)');
    // Send now (no next time) or a time already past: the runner is at it.
    expect(retryWhenWords(t, localeFor('en'), { nextAttemptAt: null, attempts: 2 }, NOW)).toBe('Not sent yet. Wren is trying again now (2 attempts so far).');
    expect(retryWhenWords(t, localeFor('en'), { nextAttemptAt: NOW - 1, attempts: 2 }, NOW)).toBe('Not sent yet. Wren is trying again now (2 attempts so far).');
  });

  it('says the same in Chinese', () => {
    const t = translator(zh, localeFor('zh'));
    expect(retryWhenWords(t, localeFor('zh'), { nextAttemptAt: next, attempts: 2 }, NOW))
      .toBe(`尚未发出。Wren 将于 ${formatTime(next, localeFor('zh'))} 重试（已尝试 2 次）。`);
    expect(retryWhenWords(t, localeFor('zh'), { nextAttemptAt: null, attempts: 2 }, NOW)).toBe('尚未发出。Wren 正在重试（已尝试 2 次）。');
  });

  it('gives the reason in the words the code and its details already have, naming the outgoing server', () => {
    // The words the row shows under its state: those of any error about a server that answered before.
    expect(describeError(en, refused, 'background')).toEqual([en.backgroundErrors.ConnectionRefused, 'Server: smtp.example.test:587']);
    expect(describeError(zh, refused, 'background')).toEqual([zh.backgroundErrors.ConnectionRefused, '服务器：smtp.example.test:587']);
    const timeout: ErrorShape = { code: 'Timeout', message: 'x', details: { host: 'smtp.example.test', port: 465 } };
    expect(describeError(en, timeout, 'background')[0]).toBe('The server did not answer in time.');
    const deferred: ErrorShape = { code: 'SmtpDeferred', message: 'x', details: { host: 'smtp.example.test', port: 587, response: '451 4.3.0 Try later' } };
    expect(describeError(zh, deferred, 'background')).toContain('详细信息：451 4.3.0 Try later');
  });
});
