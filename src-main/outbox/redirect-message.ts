import { Readable } from 'node:stream';
import type { ComposeAddress } from '../ipc/compose-shapes';
import { mimeFuncs } from '../system/first-use-packages';
import type { BuiltMessage, SendingIdentity } from './build-message';

export interface RedirectInput {
  /** The original, byte for byte (its own header and body). */
  source: Readable;
  /** The original's size in bytes. */
  size: number;
  from: SendingIdentity;
  to: ComposeAddress[];
  /** The Resent-Message-ID, with angle brackets: the outbox knows the redirect by it. */
  messageId: string;
  date: Date;
}

/** "Name <address>", the name quoted, or encoded (RFC 2047) when it is not plain ASCII. */
function mailbox({ name, address }: { name: string; address: string }): string {
  if (!name) return address;
  // Control characters included: a name carrying CR or LF is encoded, so it never ends the field.
  const shown = /^[\x20-\x7e]*$/.test(name) ? `"${name.replace(/["\\]/g, '\\$&')}"` : mimeFuncs().encodeWord(name, 'Q', 52);
  return `${shown} <${address}>`;
}

/**
 * Thunderbird's Redirect (RFC 5322 section 3.6.6, resent fields): the original goes on unchanged, its
 * From, To, Subject, Message-ID and body as they were, to new recipients, with a block of Resent-From,
 * Resent-To, Resent-Date and Resent-Message-ID put in front to say who sent it on, when, and to whom.
 * The envelope is the user's address and the new recipients. Streamed: the original is never held whole.
 */
export function redirectedMessage(input: RedirectInput): BuiltMessage {
  const { from, to, messageId, date } = input;
  const block = [
    `Resent-From: ${mailbox({ name: from.name, address: from.address })}`,
    // Folded between addresses, so many of them never make a line over SMTP's 998.
    `Resent-To: ${to.map(mailbox).join(',\r\n ')}`,
    `Resent-Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `Resent-Message-ID: ${messageId}`,
    '',
  ].join('\r\n');
  return {
    messageId,
    envelope: { from: from.address, to: [...new Set(to.map((a) => a.address))] },
    stream: () => Readable.from(withBlock(Buffer.from(block, 'latin1'), input.source)),
    sizeBound: input.size + block.length,
  };
}

async function* withBlock(block: Buffer, source: Readable): AsyncGenerator<Buffer> {
  yield block;
  for await (const chunk of source) yield Buffer.from(chunk as Buffer);
}
