import { simpleParser, type ParsedMail } from 'mailparser';
import type { ComposedMessageInput } from '../../../src-main/ipc/compose-shapes';
import type { AccountDraftInput } from '../../../src-main/ipc/contract';
import { connectImap, type Lab } from '../../lab/lab';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';

/** A test core with one lab user's account, its folders synced (so Sent is known). */
export async function coreFor(lab: Lab, userIndex: number, overrides: Partial<AccountDraftInput> = {}, dataDir?: string): Promise<{ wren: TestCore; accountId: number }> {
  const wren = startCore(dataDir ? { dataDir } : {});
  const accountId = (await wren.call('accounts.add', labDraft(lab, lab.users[userIndex]!, overrides))).id;
  await wren.call('sync.run', { accountId });
  return { wren, accountId };
}

/** Sends at once (no undo delay) and waits for the server's answer and the Sent copy. */
export async function sendNow(wren: TestCore, message: ComposedMessageInput) {
  const entry = await wren.call('outbox.send', { message, undoSeconds: 0 });
  const [settled] = await wren.call('outbox.wait', { outboxIds: [entry.id] });
  return settled!;
}

/** Every message with this Message-ID in a lab user's folder, parsed, as another client sees it. */
export async function onServerById(lab: Lab, user: string, folder: string, messageId: string): Promise<{ parsed: ParsedMail; source: Buffer }[]> {
  const client = await connectImap(lab, user);
  try {
    await client.mailboxOpen(folder, { readOnly: true });
    const uids = (await client.search({ header: { 'Message-ID': messageId } }, { uid: true })) || [];
    const found: { parsed: ParsedMail; source: Buffer }[] = [];
    for (const uid of uids) {
      const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
      if (!message || !message.source) continue;
      const parsed = await simpleParser(message.source);
      if (parsed.messageId === messageId) found.push({ parsed, source: message.source });
    }
    return found;
  } finally {
    await client.logout();
  }
}

export const to = (...addresses: string[]) => addresses.map((address) => ({ name: '', address }));
