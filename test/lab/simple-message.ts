/**
 * A small, distinct plain-text message for bulk seeding: `n` makes the
 * Subject, sender and Message-ID unique, and later `n` have later Dates so
 * "newest first" is checkable.
 */
export function simpleMessage(n: number, options: { subject?: string; to?: string } = {}): string {
  const date = new Date(Date.UTC(2025, 0, 1) + n * 1000).toUTCString().replace('GMT', '+0000');
  const subject = `${options.subject ?? 'Seeded'} ${n}`;
  return [
    `From: Sender ${n} <s${n}@example.test>`,
    `To: ${options.to ?? 'bob@example.test'}`,
    `Subject: ${subject}`,
    `Date: ${date}`,
    `Message-ID: <${subject.replace(/\s+/g, '-').toLowerCase()}@example.test>`,
    '',
    `Body ${n}`,
    '',
  ].join('\r\n');
}

/** The message with about `bytes` more of body, in lines of 78 (a mailbox filled to a size). */
export function padded(message: string, bytes: number): string {
  return message + `${'x'.repeat(76)}\r\n`.repeat(Math.ceil(bytes / 78));
}
