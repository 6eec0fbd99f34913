import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectImap } from '../../lab/lab';
import { journalLab } from '../journal/journal-lab';
import { cachedSource, localFolder, localMessages, serverSources } from './local-lab';

/** Two different messages with one Message-ID (a message and its corrected resend; generators that reuse ids). */
const TWINS = ['first version', 'second version'].map((words) =>
  `From: A <a@example.test>\r\nSubject: ${words}\r\nMessage-ID: <shared@example.test>\r\nDate: Mon, 5 Jan 2026 07:08:09 +0000\r\n\r\n${words}\r\n`);

describe('an APPEND replay resumed after an interruption, two of its messages sharing a Message-ID', () => {
  const f = journalLab();
  const bob = () => f.lab.users[1]!;

  it('counts a message found in the target for one of them only, and sends the other', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wren-twins-'));
    const folder = await localFolder(f.wren, 'Twins');
    try {
      const files = TWINS.map((text, index) => {
        const file = join(dir, `${index}.eml`);
        writeFileSync(file, text);
        return file;
      });
      await f.wren.call('folders.import', { folderId: folder, files });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const ids = localMessages(f.wren, folder).map((m) => m.id).sort((a, b) => a - b);
    await f.seed('TwinsTo', 1);
    await f.goOffline(); // the entry stays queued
    try {
      await f.wren.call('messages.apply', { kind: 'move', messageIds: ids, folderId: f.folderId('TwinsTo') });
    } finally {
      f.goOnline();
    }
    // A replay that claimed the entry and APPENDed the first message, then was cut off before recording it.
    const [entry] = f.wren.core.store.operations.unfinished(f.accountId);
    const client = await connectImap(f.lab, bob().email);
    try {
      const status = await client.status('TwinsTo', { uidNext: true, uidValidity: true });
      if (!status) throw new Error('no folder TwinsTo');
      f.wren.core.store.write(() => f.wren.core.store.operations.claim(entry!.id, { uidNext: status.uidNext!, uidValidity: Number(status.uidValidity) }));
    } finally {
      await client.logout();
    }
    await f.lab.seed(bob().email, 'TwinsTo', [cachedSource(f.wren, ids[0]!)]);

    await f.wren.core.sync.run(f.accountId, false);
    await f.settled();
    const server = (await serverSources(f.lab, bob().email, 'TwinsTo')).filter((m) => m.messageId === '<shared@example.test>');
    expect(server.map((m) => m.source.toString()).sort()).toEqual([...TWINS].sort());
    expect(f.local('TwinsTo').filter((m) => m.subject.endsWith('version'))).toHaveLength(2);
  });
});
