/**
 * A message nesting multipart/mixed `depth` levels deep, the known fuzz and
 * attack case: every level holds the next level first and a named PDF after
 * it ("level-N.pdf"), the top one a text part before all of it, the innermost
 * a text part ("innermost text") no reader should reach past the nesting cap.
 */
export function deepMultipart(depth: number, subject = `Nested ${depth} deep`): Buffer {
  const lines = ['From: Fuzz <fuzz@example.test>', 'To: bob@example.test', `Subject: ${subject}`, 'Date: Thu, 03 Dec 2026 10:00:00 +0000', 'MIME-Version: 1.0'];
  lines.push('Content-Type: multipart/mixed; boundary="level-0"', '', '--level-0', 'Content-Type: text/plain; charset=utf-8', '', 'outer text', '--level-0');
  for (let level = 1; level < depth; level++) lines.push(`Content-Type: multipart/mixed; boundary="level-${level}"`, '', `--level-${level}`);
  lines.push('Content-Type: text/plain; charset=utf-8', '', 'innermost text');
  for (let level = depth - 1; level >= 0; level--) {
    lines.push(`--level-${level}`, 'Content-Type: application/pdf', `Content-Disposition: attachment; filename="level-${level}.pdf"`, '', '%PDF', `--level-${level}--`);
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}
