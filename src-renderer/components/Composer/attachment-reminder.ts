import type { ComposeAttachment } from '../../../src-main/ipc/contract';

/**
 * Thunderbird's attachment reminder: words in the user's own text that say a file goes with the message
 * (its mail.compose.attachment_reminder_keywords: "attachment", "attached", file extensions; the Chinese
 * build's "附件"). Latin words match whole and in any case, Chinese ones anywhere (Chinese has no spaces).
 */
const LATIN_WORDS = ['attach', 'attached', 'attaching', 'attachment', 'attachments', 'enclosed', 'enclosure'];
const FILE_EXTENSIONS = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'rtf', 'pps', 'odt', 'ods', 'zip'];
const CHINESE_WORDS = ['附件', '附上', '附檔', '附档', '随附', '隨附', '附带', '附帶'];

const MENTION = new RegExp(
  `(?<![\\p{L}\\p{N}_])(?:${LATIN_WORDS.join('|')})(?![\\p{L}\\p{N}_])|\\.(?:${FILE_EXTENSIONS.join('|')})(?![\\p{L}\\p{N}_])|${CHINESE_WORDS.join('|')}`,
  'giu',
);

/** Where a forwarded message begins in the text the core writes (src-main/compose/quote-original.ts), in either language. */
const FORWARDED = /^-{5,} (?:Forwarded message|转发的邮件) -{5,}$/m;

/** The signature delimiter mail readers know ("-- " alone on its line). */
const SIGNATURE = /^-- $/m;

/** How many of the words found are named to the user. */
const NAMED_AT_MOST = 3;

/**
 * The words of the user's own writing that mention a file, when the message has none attached (inline
 * images do not count); [] when nothing is missing. The original quoted in a reply or forward, quoted lines
 * and the signature are not the user's words: "see the attached report" in the message answered must not
 * ask about this one.
 */
export function missingAttachmentWords(message: { text: string; html: string | null; attachments: readonly ComposeAttachment[] }, quoted: string): string[] {
  if (message.attachments.some((attachment) => !attachment.contentId)) return [];
  const own = message.html === null ? ownText(message.text, quoted) : ownText(htmlText(message.html), '');
  const found = new Map<string, string>();
  for (const [word] of own.matchAll(MENTION)) if (!found.has(word.toLowerCase())) found.set(word.toLowerCase(), word);
  return [...found.values()].slice(0, NAMED_AT_MOST);
}

/** The text above what the core quoted, the signature and any forwarded message, without quoted lines. */
export function ownText(text: string, quoted: string): string {
  let own = quoted && text.endsWith(quoted) ? text.slice(0, text.length - quoted.length) : text;
  for (const end of [SIGNATURE, FORWARDED]) {
    const at = own.search(end);
    if (at >= 0) own = own.slice(0, at);
  }
  return own
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('>'))
    .join('\n');
}

/** The formatted editor's text without its quotes (blockquote), a line per block so that words stay apart. */
function htmlText(html: string): string {
  const document = new DOMParser().parseFromString(html, 'text/html');
  for (const quote of document.querySelectorAll('blockquote')) quote.remove();
  for (const block of document.querySelectorAll('p, div, li, br')) block.after('\n');
  return document.body.textContent ?? '';
}
