/**
 * A mailing list's message as raw RFC 5322: its List-Id, List-Unsubscribe (the `unsubscribe` lines, folded as
 * given) with List-Unsubscribe-Post asking for one click, and any `more` fields (List-Post…).
 */
export function listMessage(subject: string, unsubscribe: string[], more: string[] = []): string {
  return [
    'From: Weekly News <news@lists.example.org>',
    'To: alice@example.test',
    `Subject: ${subject}`,
    'Date: Tue, 01 Dec 2026 09:00:00 +0000',
    `Message-ID: <${subject.replace(/\W/g, '')}@lists.example.org>`,
    'List-Id: Weekly <weekly.lists.example.org>',
    ...more,
    ...unsubscribe,
    'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'This week: nothing much.',
    '',
  ].join('\r\n');
}
