import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import type { TestCore } from '../imap/lab-core';
import { coreFor, onServerById, sendNow, to } from './outbox-lab';

describe('what follows an accepted send, against the lab', () => {
  let lab: Lab;
  let alice: TestCore;
  let aliceId: number;

  beforeAll(async () => {
    lab = await startLab();
    ({ wren: alice, accountId: aliceId } = await coreFor(lab, 0));
  }, 60_000);
  afterAll(async () => {
    await alice?.dispose();
    await lab?.stop();
  });

  it('a staged file that cannot be removed after the send (locked, as on Windows) leaves the message sent with its Sent copy, not "unknown"', async () => {
    const staged = await alice.core.staging.stageStream(Readable.from([Buffer.from('notes\n')]));
    const remove = vi.spyOn(alice.core.staging, 'remove').mockImplementation(() => {
      throw Object.assign(new Error('EPERM: operation not permitted, unlink'), { code: 'EPERM' });
    });
    try {
      const entry = await sendNow(alice, {
        accountId: aliceId, to: to(lab.users[1]!.email), subject: 'Locked attachment', text: 'See the file.',
        attachments: [{ stagedId: staged.stagedId, filename: 'notes.txt', contentType: 'text/plain', size: staged.size }],
      });
      expect(remove).toHaveBeenCalled();
      expect(await onServerById(lab, lab.users[1]!.email, 'INBOX', entry.messageId)).toHaveLength(1);
      // Asking "did it go?" of a message the server took invites a second one; and its Sent copy must still be filed.
      expect(entry.state).toBe('sent');
      expect(await onServerById(lab, lab.users[0]!.email, 'Sent', entry.messageId)).toHaveLength(1);
    } finally {
      remove.mockRestore();
    }
  });
});
