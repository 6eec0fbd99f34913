import type { ImapClient } from './imap-client';

/**
 * SUBSCRIBE or UNSUBSCRIBE: whether the folder shows in the folder list of
 * Wren and other clients. imapflow answers any failure with `false`; whether
 * the connection is still usable tells a refusal from a lost line.
 */
export async function setSubscribed(client: ImapClient, path: string, subscribed: boolean): Promise<void> {
  const done = subscribed ? await client.mailboxSubscribe(path) : await client.mailboxUnsubscribe(path);
  if (done) return;
  const what = `${subscribed ? 'SUBSCRIBE' : 'UNSUBSCRIBE'} ${path}`;
  if (!client.usable) throw Object.assign(new Error(`The connection closed during ${what}.`), { code: 'NoConnection' });
  throw Object.assign(new Error(`The server refused ${what}.`), { responseStatus: 'NO', responseText: `${what} refused` });
}
