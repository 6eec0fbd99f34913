import type { Address } from '../ipc/mail-shapes';
import type { ParsedSource } from './parse-source';
import { safeFileName } from './safe-file-name';
import { escapeHtml } from './escape-html';

/** A forwarded message (message/rfc822) shown in place below the body, in the text view and in the HTML view. */
export interface ForwardedBlock {
  text: string;
  html: string;
}

function person(address: Address): string {
  if (!address.name) return address.address;
  return address.address ? `${address.name} <${address.address}>` : address.name;
}

/**
 * Its header lines as Thunderbird's block of an attached message shows them: From, To, Cc, Date, Subject, then
 * the names of its own attachments (they are saved from the .eml; the search finds them by name). The field names
 * are the header's own, as in the message's source, in every language.
 */
function headerLines(message: ParsedSource): [string, string][] {
  const files = message.attachments.filter((a) => !a.inline).map((a) => safeFileName(a.filename, a.contentType));
  const lines: [string, string][] = [
    ['From', person(message.from)],
    ['To', message.to.map(person).join(', ')],
    ['Cc', message.cc.map(person).join(', ')],
    ['Date', message.date === null ? '' : new Date(message.date).toUTCString()],
    ['Subject', message.subject],
    ['Attachments', files.join(', ')],
  ];
  return lines.filter(([, value]) => value !== '');
}

/** The forwarded message's own text view: its headers, a blank line, its text (or its HTML's text, made by the caller). */
export function forwardedText(message: ParsedSource, htmlAsText: string | null): string {
  const head = headerLines(message).map(([name, value]) => `${name}: ${value}`);
  return ['-------- Forwarded Message --------', ...head, '', message.text ?? htmlAsText ?? ''].join('\n');
}

/**
 * The forwarded message in the HTML view: its headers as a table, then its HTML, or its text preformatted. The
 * HTML goes into the main body's HTML, so the reader sanitizes it exactly as it does the main body (no scripts,
 * nothing remote until allowed).
 */
export function forwardedHtml(message: ParsedSource): string {
  const rows = headerLines(message).map(([name, value]) => `<tr><th style="text-align:right;padding-right:0.5em">${name}:</th><td>${escapeHtml(value)}</td></tr>`);
  const body = message.html ?? `<pre style="white-space:pre-wrap">${escapeHtml(message.text ?? '')}</pre>`;
  return `<div class="wren-forwarded" style="border-top:1px solid #aaa;margin-top:1em;padding-top:0.5em"><table>${rows.join('')}</table>${body}</div>`;
}

/** Both views of one forwarded message. */
export function forwardedBlock(message: ParsedSource, htmlAsText: string | null): ForwardedBlock {
  return { text: forwardedText(message, htmlAsText), html: forwardedHtml(message) };
}
