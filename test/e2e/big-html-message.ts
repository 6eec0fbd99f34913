/**
 * A newsletter-shaped HTML mail of about `bytes` bytes: one wide table of
 * articles, each with a remote image (thousands of them at 5 MB), like the
 * mail that froze the window.
 */
export function bigHtmlMessage(options: { bytes: number; subject: string; imageHost: string }): string {
  const rows: string[] = [];
  let size = 0;
  for (let n = 1; size < options.bytes; n += 1) {
    const row =
      `<tr><td style="padding:16px 24px;font-family:Helvetica,Arial,sans-serif;font-size:15px;line-height:22px;color:#333333;">\n` +
      `<h2 style="margin:0 0 8px 0;font-size:20px;color:#111111;">Article ${n}: news of the week</h2>\n` +
      `<p style="margin:0 0 12px 0;">${'The quick brown fox jumps over the lazy dog, again and again. '.repeat(5)}</p>\n` +
      `<a href="https://news.example.com/article/${n}?utm_source=newsletter" style="color:#1a73e8;">Read more</a>\n` +
      `<img src="https://${options.imageHost}/${n}/hero.png" width="552" height="240" alt="" style="display:block;border:0;margin-top:12px;">\n` +
      `</td></tr>\n`;
    rows.push(row);
    size += row.length;
  }
  const html =
    '<!DOCTYPE html><html><head><style>body{background:#f4f4f4}table{border-collapse:collapse}</style></head>' +
    `<body><table width="600" align="center" cellpadding="0" cellspacing="0" style="background:#ffffff;">\n${rows.join('')}` +
    '<tr><td data-last-row>End of the newsletter.</td></tr></table></body></html>';
  const base64 = Buffer.from(html, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
  return [
    'From: News <news@example.test>',
    'To: bob@example.test',
    `Subject: ${options.subject}`,
    'Date: Mon, 01 Dec 2025 10:00:00 +0000',
    `Message-ID: <${options.subject.replace(/\W+/g, '-')}@example.test>`,
    'MIME-Version: 1.0',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64,
    '',
  ].join('\r\n');
}
