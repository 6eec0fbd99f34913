import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, vi } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';

const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');

export const englishMail = crlf(`From: Ann Lee <ann@example.test>
To: alice@example.test
Subject: Quarterly budget review
Date: Mon, 01 Dec 2026 09:00:00 +0000
Message-ID: <english@example.test>
Content-Type: text/plain; charset=utf-8

Please bring the spreadsheet with the procurement figures.
`);

export const utf8ChineseMail = crlf(`From: =?UTF-8?B?546L5bCP5piO?= <wxm@example.test>
To: alice@example.test
Subject: =?UTF-8?B?5pe26Ze05Y+Y5pu0?=
Date: Tue, 02 Dec 2026 09:00:00 +0000
Message-ID: <utf8-chinese@example.test>
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

大家好：明天的会议改到下午，请互相转告。
`);

/** The GBK fixture: subject 会议通知：明天下午三点开会, body names 三楼会议室, signed 张伟. */
export const gbkMail = readFileSync(join(__dirname, '../../fixtures/gbk-subject-body.eml'));

/**
 * The subjects a search finds once nothing is left to index. messages.search indexes what is waiting for at
 * most a second and then answers with `unindexed` > 0 (the UI searches again): on a loaded machine the bodies
 * of a sync just done (parsed in a worker) may take longer than that, so this searches again as the UI does.
 */
export async function subjectsFound(wren: TestCore, query: string, scope: { accountId?: number | null } = {}): Promise<string[]> {
  const result = await vi.waitFor(async () => {
    const answer = await wren.call('messages.search', { query, offset: 0, limit: 100, ...scope });
    expect(answer.unindexed).toBe(0);
    return answer;
  }, { timeout: 30_000, interval: 50 });
  return result.items.map((hit) => hit.subject).sort();
}

/** What a describe over mail synced by its headers only works with (see withUnopenedMail). */
export interface UnopenedMail {
  lab: Lab;
  wren: TestCore;
  accountId: number;
}

/**
 * Before the calling describe's tests: a lab whose first user's Inbox holds the three messages above, and a
 * core (with the search worker) that synced them as by default, headers only, so none has its text here.
 */
export function withUnopenedMail(): UnopenedMail {
  const parts = {} as UnopenedMail;
  beforeAll(async () => {
    parts.lab = await startLab();
    await parts.lab.seed(parts.lab.users[0]!.email, 'INBOX', [englishMail, gbkMail, utf8ChineseMail]);
    parts.wren = startCore({ searchWorkerPath: resolve('dist/main/search-worker.cjs') });
    parts.accountId = (await parts.wren.call('accounts.add', labDraft(parts.lab, parts.lab.users[0]!))).id;
    expect((await parts.wren.call('sync.run', { accountId: parts.accountId })).failures).toEqual([]);
  }, 120_000);
  afterAll(async () => {
    await parts.wren?.dispose();
    await parts.lab?.stop();
  });
  return parts;
}
