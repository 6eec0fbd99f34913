/**
 * One message of a conversation, as raw RFC 5322: `inReplyTo` links it to the one it answers, and
 * References names `references` (the thread from its first message) or else that one alone.
 */
export function conversationMessage(options: {
  id: string; inReplyTo?: string; references?: string[]; from: string; to: string; subject: string; date: string; body: string;
}): string {
  const references = options.references ?? (options.inReplyTo ? [options.inReplyTo] : []);
  return [
    `From: ${options.from}`,
    `To: ${options.to}`,
    `Subject: ${options.subject}`,
    `Date: ${options.date}`,
    `Message-ID: <${options.id}@example.test>`,
    ...(options.inReplyTo ? [`In-Reply-To: <${options.inReplyTo}@example.test>`] : []),
    ...(references.length ? [`References: ${references.map((id) => `<${id}@example.test>`).join('\r\n ')}`] : []),
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    options.body,
    '',
  ].join('\r\n');
}

/**
 * A short conversation as it lies in a mailbox: Carol asks (Inbox), the user answers (Sent), Carol
 * thanks him (Inbox), and an unrelated message beside them.
 */
export function seededConversation(user: string): { inbox: string[]; sent: string[] } {
  const carol = 'Carol <carol@example.test>';
  return {
    inbox: [
      conversationMessage({ id: 'q1', from: carol, to: user, subject: '周五的会议', date: 'Mon, 30 Nov 2026 09:00:00 +0000', body: '周五下午两点可以吗？' }),
      conversationMessage({ id: 'q3', inReplyTo: 'q2', from: carol, to: user, subject: 'Re: 周五的会议', date: 'Mon, 30 Nov 2026 11:00:00 +0000', body: '好的，谢谢！' }),
      conversationMessage({ id: 'other', from: carol, to: user, subject: 'Lunch?', date: 'Mon, 30 Nov 2026 12:00:00 +0000', body: 'Noon?' }),
    ],
    sent: [conversationMessage({ id: 'q2', inReplyTo: 'q1', from: user, to: carol, subject: 'Re: 周五的会议', date: 'Mon, 30 Nov 2026 10:00:00 +0000', body: '可以，三楼会议室见。' })],
  };
}
