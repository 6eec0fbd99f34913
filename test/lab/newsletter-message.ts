/**
 * An HTML newsletter from news@shop.example with one remote picture
 * (https://images.shop.example/banner.png): what the remote-content bar is
 * about. `subject` and `messageId` keep each test's copy its own.
 */
export function newsletterMessage(subject: string, messageId: string, date = 'Wed, 02 Dec 2026 08:00:00 +0000'): string {
  return [
    'From: News <news@shop.example>',
    'To: Alice <alice@example.test>',
    `Subject: ${subject}`,
    `Date: ${date}`,
    `Message-ID: <${messageId}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<p>Our offers</p><img src="https://images.shop.example/banner.png" alt="banner">',
    '',
  ].join('\r\n');
}
