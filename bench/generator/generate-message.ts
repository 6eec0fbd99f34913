// Builds one realistic message from a seeded PRNG: the mix a real inbox has (mostly short
// text mail in several charsets, newsletters, some large attachments, a few odd ones).
import { ENGLISH, pickLanguage, type Charset, type Language } from './languages';
import { CRLF, base64Lines, encodeText, encodedWords, mailbox, quotedPrintable, rfc2231Parameter, wrapText } from './mime-encode';
import { rngFor, type Rng } from './prng';

export type MessageKind = 'text' | 'html' | 'attachment' | 'odd';

export interface GeneratedMessage {
  kind: MessageKind;
  source: Buffer;
  /** When the server received it (INTERNALDATE); the Date header is a little earlier. */
  internalDate: Date;
  flags: { seen: boolean; flagged: boolean; answered: boolean };
}

export interface MailboxPlan {
  count: number;
  seed: number;
  owner: { name: string; address: string };
  /** Dates are spread over the span ending here (fixed, so runs are identical). */
  end: Date;
  spanDays: number;
}

const KIND_SHARES: Array<[MessageKind, number]> = [['text', 0.7], ['html', 0.2], ['attachment', 0.08], ['odd', 0.02]];

export function generateMessage(index: number, plan: MailboxPlan): GeneratedMessage {
  const rng = rngFor(plan.seed, index);
  const kind = pickKind(rng);
  const language = kind === 'html' && rng.chance(0.5) ? ENGLISH : pickLanguage(rng);
  const charset = rng.chance(0.7) ? language.charsets[0]! : language.charsets.at(-1)!;
  // Spread evenly over the span in index order, so UIDs follow arrival as on a real server.
  const spanMs = plan.spanDays * 86_400_000;
  const sent = new Date(plan.end.getTime() - spanMs + ((index + rng.next()) / plan.count) * spanMs);
  const internalDate = new Date(sent.getTime() + rng.int(1, 600) * 1000);
  const author = person(rng, language);
  const headers = commonHeaders(rng, index, { language, charset, sent, author, owner: plan.owner });
  const body = bodyFor(kind, rng, language, charset, index);
  if (kind === 'odd') addOddities(rng, headers, plan.owner);
  const seen = rng.chance(0.6);
  const source = Buffer.concat([Buffer.from(renderHeaders([...headers, ...body.headers]), 'latin1'), Buffer.from(CRLF), body.content]);
  return { kind, source, internalDate, flags: { seen, flagged: rng.chance(0.05), answered: seen && rng.chance(0.12) } };
}

function pickKind(rng: Rng): MessageKind {
  let roll = rng.next();
  for (const [kind, share] of KIND_SHARES) {
    if (roll < share) return kind;
    roll -= share;
  }
  return 'text';
}

// --- Headers -------------------------------------------------------------------------------

/** Header name and value; the value is already encoded and may be folded with CRLF + space. */
type Header = [string, string];

interface HeaderContext {
  language: Language;
  charset: Charset;
  sent: Date;
  author: { name: string; address: string };
  owner: { name: string; address: string };
}

function person(rng: Rng, language: Language): { name: string; address: string } {
  const name = rng.pick(language.names);
  return { name, address: `user${rng.int(1, 999)}@${rng.pick(language.domains)}` };
}

function commonHeaders(rng: Rng, index: number, c: HeaderContext): Header[] {
  const domain = c.author.address.split('@')[1]!;
  const headerCharset = c.charset === 'us-ascii' ? 'utf-8' : c.charset;
  const subject = fillNumbers(rng, rng.pick(c.language.subjects));
  const reply = rng.chance(0.25);
  const headers: Header[] = [['Return-Path', `<${c.author.address}>`], ...receivedChain(rng, domain, c.sent, c.owner.address, rng.int(2, 4))];
  if (rng.chance(0.5)) headers.push(['DKIM-Signature', dkimSignature(rng, domain)]);
  headers.push(
    ['Date', mailDate(c.sent, zoneFor(rng, c.language))],
    ['From', mailbox(c.author.name, c.author.address, headerCharset)],
    ['To', [mailbox(c.owner.name, c.owner.address, 'us-ascii'), ...extraRecipients(rng, c.language, headerCharset, rng.int(0, 2))].join(`,${CRLF} `)],
  );
  if (rng.chance(0.2)) headers.push(['Cc', extraRecipients(rng, c.language, headerCharset, rng.int(1, 3)).join(`,${CRLF} `)]);
  headers.push(['Subject', encodedWords(reply ? `Re: ${subject}` : subject, headerCharset, headerCharset === 'utf-8' && c.language.code !== 'ja' && rng.chance(0.3) ? 'Q' : 'B')]);
  headers.push(['Message-ID', `<${index.toString(36)}.${rng.nextUint32().toString(16)}@${domain}>`]);
  if (reply) {
    const parent = `<${rng.nextUint32().toString(36)}.${rng.nextUint32().toString(16)}@${domain}>`;
    headers.push(['In-Reply-To', parent], ['References', parent]);
  }
  headers.push(['MIME-Version', '1.0']);
  if (rng.chance(0.3)) headers.push(['X-Mailer', rng.pick(['Microsoft Outlook 16.0', 'Apple Mail (2.3731.700.6)', 'Mozilla Thunderbird 128.5.0', 'Foxmail 7.2', 'Becky! ver. 2.81'])]);
  return headers;
}

function extraRecipients(rng: Rng, language: Language, charset: Charset, count: number): string[] {
  return Array.from({ length: count }, () => {
    const p = person(rng, language);
    return mailbox(p.name, p.address, charset);
  });
}

function fillNumbers(rng: Rng, template: string): string {
  return template.replace('{n}', String(rng.int(1, 9999)));
}

function receivedChain(rng: Rng, domain: string, sent: Date, recipient: string, hops: number): Header[] {
  return Array.from({ length: hops }, (_, hop): Header => {
    const ip = `10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
    const at = mailDate(new Date(sent.getTime() + hop * 1000), '+0000');
    return ['Received', `from mx${hop + 1}.${domain} (mx${hop + 1}.${domain} [${ip}])${CRLF}\tby mx.example.test with ESMTPS id ${rng.nextUint32().toString(36).toUpperCase()}${CRLF}\tfor <${recipient}>; ${at}`];
  });
}

function dkimSignature(rng: Rng, domain: string): string {
  const b = rng.bytes(256).toString('base64');
  const folded = b.match(/.{1,70}/g)!.join(`${CRLF}\t `);
  return `v=1; a=rsa-sha256; c=relaxed/relaxed; d=${domain}; s=s${rng.int(1, 9)};${CRLF}\th=from:to:subject:date:message-id:mime-version:content-type;${CRLF}\tbh=${rng.bytes(32).toString('base64')};${CRLF}\tb=${folded}`;
}

const ZONES: Record<string, number[]> = { en: [-480, -300, 0, 60], 'de-fr-es': [60, 120], 'zh-Hans': [480], 'zh-Hant': [480], ja: [540] };

function zoneFor(rng: Rng, language: Language): number {
  return rng.pick(ZONES[language.code] ?? [0]);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 5322 date in the sender's zone, e.g. "Tue, 14 May 2024 09:12:33 +0800". */
function mailDate(date: Date, zone: number | string): string {
  const offset = typeof zone === 'number' ? zone : 0;
  const local = new Date(date.getTime() + offset * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const sign = offset < 0 ? '-' : '+';
  const zoneText = typeof zone === 'string' ? zone : `${sign}${pad(Math.floor(Math.abs(offset) / 60))}${pad(Math.abs(offset) % 60)}`;
  return `${DAYS[local.getUTCDay()]}, ${local.getUTCDate()} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())} ${zoneText}`;
}

function renderHeaders(headers: Header[]): string {
  return headers.map(([name, value]) => `${name}: ${value}${CRLF}`).join('');
}

// --- Bodies --------------------------------------------------------------------------------

interface Body {
  headers: Header[];
  content: Buffer;
}

function bodyFor(kind: MessageKind, rng: Rng, language: Language, charset: Charset, index: number): Body {
  switch (kind) {
    case 'text':
    case 'odd':
      return textPart(rng, language, charset, rng.int(600, 5000));
    case 'html':
      return alternativePart(rng, language, charset, index, rng.int(5_000, 38_000));
    case 'attachment':
      return mixedPart(rng, language, charset, index);
  }
}

/** Sentences of the language until about `bytes` bytes once encoded in `charset`. */
function prose(rng: Rng, language: Language, bytes: number, charset: Charset = 'utf-8'): string {
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    const sentences = Array.from({ length: rng.int(2, 6) }, () => rng.pick(language.sentences));
    const paragraph = sentences.join(language.joiner);
    paragraphs.push(paragraph);
    size += encodeText(paragraph, charset).length + 2;
  }
  return paragraphs.join('\n\n');
}

/** Transfer encodings real senders pick for each charset. */
function transferEncoding(rng: Rng, charset: Charset, language: Language): '7bit' | '8bit' | 'quoted-printable' | 'base64' {
  if (charset === 'us-ascii' || charset === 'iso-2022-jp') return '7bit';
  // Quoted-printable triples CJK text, so CJK senders pick base64 or 8bit.
  if (charset === 'utf-8' && language.joiner) return rng.pick(['quoted-printable', 'quoted-printable', '8bit', 'base64'] as const);
  return rng.chance(0.6) ? 'base64' : '8bit';
}

function encodeBody(bytes: Buffer, encoding: string): Buffer {
  if (encoding === 'base64') return Buffer.from(base64Lines(bytes) + CRLF, 'latin1');
  if (encoding === 'quoted-printable') return Buffer.from(quotedPrintable(bytes) + CRLF, 'latin1');
  return Buffer.concat([bytes, Buffer.from(CRLF)]);
}

function textPart(rng: Rng, language: Language, charset: Charset, bytes: number): Body {
  const text = wrapText(prose(rng, language, bytes, charset), language.joiner ? 72 : 36);
  const encoding = transferEncoding(rng, charset, language);
  return {
    headers: [['Content-Type', `text/plain; charset=${charset === 'us-ascii' ? 'us-ascii' : `"${charset}"`}${rng.chance(0.3) ? '; format=flowed' : ''}`], ['Content-Transfer-Encoding', encoding]],
    content: encodeBody(encodeText(text, charset), encoding),
  };
}

function htmlDocument(rng: Rng, language: Language, charset: Charset, bytes: number): string {
  const blocks: string[] = [];
  let size = 0;
  while (size < bytes) {
    const n = rng.int(1000, 99999);
    const block = `<tr><td style="padding:16px 24px;font-family:Helvetica,Arial,sans-serif;font-size:15px;line-height:22px;color:#333333;">
<h2 style="margin:0 0 8px 0;font-size:20px;color:#111111;">${fillNumbers(rng, rng.pick(language.subjects))}</h2>
<p style="margin:0 0 12px 0;">${prose(rng, language, 300)}</p>
<a href="https://news.example.com/article/${n}?utm_source=newsletter&amp;utm_medium=email&amp;utm_campaign=weekly" style="color:#1a73e8;text-decoration:none;">Read more</a>
<img src="https://img.example.com/${n}/hero.jpg" width="552" height="240" alt="" style="display:block;border:0;margin-top:12px;">
</td></tr>
`;
    blocks.push(block);
    size += Buffer.byteLength(block);
  }
  return `<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><meta name="viewport" content="width=device-width">
<style>body{margin:0;padding:0;background:#f4f4f4}table{border-collapse:collapse}@media (max-width:600px){.wrap{width:100%!important}}</style></head>
<body><table class="wrap" width="600" align="center" cellpadding="0" cellspacing="0" style="background:#ffffff;">
${blocks.join('')}<tr><td style="padding:24px;font-size:12px;color:#888888;">You receive this because you subscribed. <a href="https://news.example.com/unsubscribe">Unsubscribe</a></td></tr>
</table></body></html>`;
}

function boundary(rng: Rng, index: number): string {
  return `----=_Part_${index}_${rng.nextUint32().toString(16)}.${rng.nextUint32().toString(16)}`;
}

function multipart(subtype: string, mark: string, parts: Body[], preamble = ''): Body {
  const chunks: Buffer[] = [Buffer.from(preamble ? `${preamble}${CRLF}` : '', 'latin1')];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${mark}${CRLF}${renderHeaders(part.headers)}${CRLF}`, 'latin1'), part.content);
  }
  chunks.push(Buffer.from(`--${mark}--${CRLF}`, 'latin1'));
  return { headers: [['Content-Type', `multipart/${subtype};${CRLF}\tboundary="${mark}"`]], content: Buffer.concat(chunks) };
}

/** Newsletters: text and HTML versions of the same content (the HTML is most of the size). */
function alternativePart(rng: Rng, language: Language, charset: Charset, index: number, bytes: number): Body {
  const htmlCharset: Charset = charset === 'us-ascii' ? 'utf-8' : charset;
  const latinUtf8 = htmlCharset === 'utf-8' && language.joiner !== '';
  const encoding = latinUtf8 || htmlCharset === 'iso-2022-jp' ? 'quoted-printable' : 'base64';
  const html = htmlDocument(rng, language, htmlCharset, bytes * (latinUtf8 ? 0.75 : 0.55)).replace(/\n/g, CRLF);
  const htmlPart: Body = {
    headers: [['Content-Type', `text/html; charset="${htmlCharset}"`], ['Content-Transfer-Encoding', encoding]],
    content: encodeBody(encodeText(html, htmlCharset), encoding),
  };
  const textPartBody = textPart(rng, language, charset, Math.max(500, bytes * 0.15));
  const result = multipart('alternative', boundary(rng, index), [textPartBody, htmlPart]);
  if (rng.chance(0.5)) result.headers.push(['List-Unsubscribe', '<https://news.example.com/unsubscribe>, <mailto:unsubscribe@news.example.com>']);
  return result;
}

/** Base64 with CRLF every 76 characters: 4/3 × 78/76. */
const BASE64_GROWTH = 1.37;

const ATTACHMENT_TYPES: Array<{ type: string; names: string[]; magic: string }> = [
  { type: 'application/pdf', names: ['report-{n}.pdf', 'invoice_{n}.pdf', '报告-{n}.pdf', '請求書_{n}.pdf'], magic: '%PDF-1.7\n' },
  { type: 'image/jpeg', names: ['IMG_{n}.JPG', 'photo-{n}.jpg', 'Überblick_{n}.jpg'], magic: '\xff\xd8\xff\xe0\x00\x10JFIF' },
  { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', names: ['budget-{n}.xlsx', '預算表{n}.xlsx'], magic: 'PK\x03\x04' },
  { type: 'application/zip', names: ['logs-{n}.zip', 'archive {n}.zip'], magic: 'PK\x03\x04' },
];

/** A short note plus one to three attachments: 50 KB to 2 MB in all once encoded, now and then up to 5 MB. */
function mixedPart(rng: Rng, language: Language, charset: Charset, index: number): Body {
  const encoded = rng.chance(0.04) ? rng.int(2_000_000, 5_000_000) : rng.logUniform(50_000, 2_000_000);
  const total = encoded / BASE64_GROWTH;
  const count = rng.int(1, 3);
  const note = rng.chance(0.4) ? alternativePart(rng, language, charset, index * 10 + 1, rng.int(3000, 8000)) : textPart(rng, language, charset, rng.int(300, 1500));
  const attachments = Array.from({ length: count }, () => attachment(rng, Math.max(2_000, Math.round(total / count))));
  return multipart('mixed', boundary(rng, index), [note, ...attachments], 'This is a multi-part message in MIME format.');
}

function attachment(rng: Rng, bytes: number): Body {
  const kind = rng.pick(ATTACHMENT_TYPES);
  const name = fillNumbers(rng, rng.pick(kind.names));
  const payload = Buffer.concat([Buffer.from(kind.magic, 'latin1'), rng.bytes(bytes)]);
  // Outlook sends non-ASCII names as encoded words in name=; others use RFC 2231 filename*=.
  const outlookStyle = rng.chance(0.5);
  const typeName = outlookStyle ? `name="${encodedWords(name, 'utf-8')}"` : rfc2231Parameter('name', name);
  return {
    headers: [
      ['Content-Type', `${kind.type};${CRLF}\t${typeName}`],
      ['Content-Disposition', `attachment;${CRLF}\t${outlookStyle ? `filename="${encodedWords(name, 'utf-8')}"` : rfc2231Parameter('filename', name)}`],
      ['Content-Transfer-Encoding', 'base64'],
    ],
    content: Buffer.from(base64Lines(payload) + CRLF, 'latin1'),
  };
}

// --- Odd ones ------------------------------------------------------------------------------

/** What breaks naive parsers: no Date, huge folded headers, one very long unfolded line. */
function addOddities(rng: Rng, headers: Header[], owner: { name: string; address: string }): void {
  const oddities = ['no-date', 'long-subject', 'many-references', 'many-recipients', 'long-line', 'many-received'];
  const chosen = new Set([rng.chance(0.5) ? 'no-date' : rng.pick(oddities), rng.pick(oddities)]);
  const replace = (name: string, value: string) => {
    const at = headers.findIndex(([n]) => n === name);
    if (at >= 0) headers[at] = [name, value];
    else headers.push([name, value]);
  };
  if (chosen.has('no-date')) headers.splice(headers.findIndex(([n]) => n === 'Date'), 1);
  if (chosen.has('long-subject')) replace('Subject', encodedWords(Array.from({ length: 60 }, () => rng.pick(ENGLISH.subjects)).join(' / ') + ' — 续', 'utf-8'));
  if (chosen.has('many-references')) replace('References', Array.from({ length: 120 }, () => `<${rng.nextUint32().toString(36)}@thread.example.com>`).join(`${CRLF} `));
  if (chosen.has('many-recipients')) {
    const list = Array.from({ length: 150 }, (_, i) => `"Member ${i}" <member${i}@list.example.org>`);
    replace('To', [`"${owner.name}" <${owner.address}>`, ...list].join(`,${CRLF} `));
  }
  if (chosen.has('long-line')) headers.push(['X-Tracking', Array.from({ length: 200 }, () => rng.nextUint32().toString(16)).join('')]);
  if (chosen.has('many-received')) headers.unshift(...receivedChain(rng, 'relay.example.net', new Date(0), owner.address, 30));
}
