import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presentUids } from '../../../src-main/imap/search-uids';
import { withFolder } from '../../../src-main/imap/with-folder';
import { connectImap, startLab, type Lab } from '../../lab/lab';

/**
 * A connection that still has a folder selected from an earlier command sees
 * mail another connection appended since only once the server has told it
 * (EXISTS). Dovecot answers UID SEARCH from the session's view: a message the
 * session was not told of is not found, and the journal took such a message
 * (a draft version saved a moment before) for gone from the server.
 */
let lab: Lab;

beforeAll(async () => {
  lab = await startLab();
}, 60_000);

afterAll(async () => {
  await lab?.stop();
});

describe('withFolder on a folder the connection has selected already', () => {
  it('sees a message another connection appended meanwhile', async () => {
    const email = lab.users[0]!.email;
    const replaying = await connectImap(lab, email);
    const saving = await connectImap(lab, email);
    try {
      await withFolder(replaying, 'Drafts', async () => undefined);
      const appended = await saving.append('Drafts', 'Subject: saved meanwhile\r\nMessage-ID: <meanwhile@example.test>\r\n\r\nbody\r\n', ['\\Draft']);
      const uid = (appended as { uid?: number }).uid!;
      const found = await withFolder(replaying, 'Drafts', () => presentUids(replaying, [uid]));
      expect([...found]).toEqual([uid]);
    } finally {
      await replaying.logout();
      await saving.logout();
    }
  });
});
