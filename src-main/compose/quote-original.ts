import type { Address } from '../ipc/contract';
import { escapeHtml } from '../mime/escape-html';

export type ComposeLanguage = 'en' | 'zh';

function senderName(from: Address): string {
  return from.name ? `${from.name} <${from.address}>` : from.address;
}

function attributionDate(date: number | null, language: ComposeLanguage): string {
  if (date === null) return '';
  return new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(date));
}

/** "On 2 Dec 2026, 10:00, Ann <ann@x> wrote:" / "2026年12月2日 10:00，Ann <ann@x> 写道：". */
export function attributionLine(from: Address, date: number | null, language: ComposeLanguage): string {
  const when = attributionDate(date, language);
  const who = senderName(from);
  if (language === 'zh') return when ? `${when}，${who} 写道：` : `${who} 写道：`;
  return when ? `On ${when}, ${who} wrote:` : `${who} wrote:`;
}

/** Each line of the original behind "> " (a quoted line gains one more level). */
export function quotePlain(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\n+$/, '')
    .split('\n')
    .map((line) => (line.startsWith('>') ? `>${line}` : line ? `> ${line}` : '>'))
    .join('\n');
}

/** Plain text as HTML paragraphs' content: escaped, line breaks kept. */
export function plainToHtml(text: string): string {
  return escapeHtml(text.replace(/\r\n?/g, '\n')).replace(/\n/g, '<br>');
}

/**
 * The original of an answer or forward, marked so the composer can put a
 * signature above it when the identity changes (signature-html.ts).
 */
function quotedHtml(inner: string): string {
  return `<div data-quoted="">${inner}</div>`;
}

export interface QuotedBody {
  text: string;
  html: string | null;
}

/** The original an answer or forward quotes: its text, and for HTML mail its HTML as quotable-html.ts reduced it (null: quote the text). */
export interface QuotedOriginal {
  from: Address;
  date: number | null;
  text: string;
  isHtml: boolean;
  html?: string | null;
}

/**
 * The body of a reply: room to write above, then the attribution and the
 * original quoted. HTML mail is answered in HTML with the original's HTML (its
 * simple formatting, as the user saw it) in a cite blockquote, as Thunderbird
 * and Gmail quote it; plain mail, and a quoted selection, as text.
 */
export function replyBody(original: QuotedOriginal, language: ComposeLanguage): QuotedBody {
  const attribution = attributionLine(original.from, original.date, language);
  const text = `\n\n${attribution}\n${quotePlain(original.text)}\n`;
  if (!original.isHtml) return { text, html: null };
  return { text, html: `<p><br></p>${quotedReplyHtml(attribution, original)}` };
}

/** The original's HTML when there is some, else its text as HTML. */
function originalHtml(original: { text: string; html?: string | null }): string {
  return original.html || plainToHtml(original.text.replace(/\n+$/, ''));
}

function quotedReplyHtml(attribution: string, original: QuotedOriginal): string {
  return quotedHtml(`<p>${escapeHtml(attribution)}</p><blockquote type="cite">${originalHtml(original)}</blockquote>`);
}

/**
 * A reply that starts below the quote (Thunderbird's default, and the custom on mailing lists): the attribution and
 * the quoted original first, then a line to write on, then the signature. `writeAt` is where that line starts.
 */
export function replyBelowBody(
  original: QuotedOriginal,
  language: ComposeLanguage,
  signature: { text: string; html: string },
): QuotedBody & { writeAt: number } {
  const attribution = attributionLine(original.from, original.date, language);
  const quoted = `${attribution}\n${quotePlain(original.text)}\n\n`;
  const text = `${quoted}${signature.text}`;
  const html = original.isHtml ? `${quotedReplyHtml(attribution, original)}<p><br></p>${signature.html}` : null;
  return { text, html, writeAt: quoted.length };
}

const FORWARD_WORDS = {
  en: { header: '---------- Forwarded message ----------', from: 'From', date: 'Date', subject: 'Subject', to: 'To', cc: 'Cc' },
  zh: { header: '---------- 转发的邮件 ----------', from: '发件人', date: '日期', subject: '主题', to: '收件人', cc: '抄送' },
};

function addressLine(addresses: Address[]): string {
  return addresses.map(senderName).join(', ');
}

/** The forwarded message's header block and body, below room to write. */
export function forwardBody(
  original: QuotedOriginal & { to: Address[]; cc: Address[]; subject: string },
  language: ComposeLanguage,
): QuotedBody {
  const words = FORWARD_WORDS[language];
  const lines = [
    words.header,
    `${words.from}: ${senderName(original.from)}`,
    `${words.date}: ${attributionDate(original.date, language)}`,
    `${words.subject}: ${original.subject}`,
    `${words.to}: ${addressLine(original.to)}`,
    ...(original.cc.length ? [`${words.cc}: ${addressLine(original.cc)}`] : []),
  ];
  const text = `\n\n${lines.join('\n')}\n\n${original.text.replace(/\n+$/, '')}\n`;
  if (!original.isHtml) return { text, html: null };
  const html = `<p><br></p>${quotedHtml(`<p>${lines.map(escapeHtml).join('<br>')}</p><div>${originalHtml(original)}</div>`)}`;
  return { text, html };
}
