import { connectImap, type Lab } from '../../lab/lab';

/** The flags the server holds on the first user's Inbox message with this Message-ID (none if it is not there), read by a session of its own. */
export async function inboxFlagsOnServer(lab: Lab, messageId: string): Promise<string[]> {
  const client = await connectImap(lab, lab.users[0]!.email);
  try {
    await client.mailboxOpen('INBOX', { readOnly: true });
    const [uid] = (await client.search({ header: { 'Message-ID': messageId } }, { uid: true })) || [];
    const message = await client.fetchOne(String(uid), { flags: true }, { uid: true });
    return message ? [...(message.flags ?? [])] : [];
  } finally {
    await client.logout();
  }
}
