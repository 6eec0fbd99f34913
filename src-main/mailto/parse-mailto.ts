import type { MailtoDraft } from '../ipc/contract';

/** Bounds for what a link may put into the composer; a link longer than any real one is cut, not trusted. */
const MAX_RECIPIENTS = 100;
const MAX_SUBJECT = 1000;
const MAX_BODY = 100_000;

/** Header fields of a mailto: link Wren takes; every other one (attach, bcc, in-reply-to, arbitrary headers) is dropped. */
const TAKEN = new Set(['to', 'cc', 'subject', 'body']);

function decode(text: string): string | null {
  try {
    // RFC 6068: '+' is a plus sign, not a space, unlike form encoding.
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

const ADDRESS = /^[^\s@<>()",;:\\]+@[^\s@<>()",;:\\]+$/;

/** "a@b, c@d" → addresses that look like addresses (an @, no spaces or controls inside). */
function addresses(list: string): string[] {
  return list
    .split(',')
    .map((a) => a.trim())
    .filter((a) => ADDRESS.test(a) && ![...a].some((c) => c.charCodeAt(0) < 0x20));
}

/**
 * A mailto: URL (RFC 6068) as a draft: recipients, subject and body only. A
 * link from a message or another app must never attach a file or add a hidden
 * recipient, so `attach=`, `bcc=` and the rest are dropped. null when it is
 * not a mailto: URL or its percent-encoding is broken.
 */
export function parseMailto(url: string): MailtoDraft | null {
  if (!/^mailto:/i.test(url)) return null;
  const rest = url.slice('mailto:'.length);
  const question = rest.indexOf('?');
  const path = decode(question < 0 ? rest : rest.slice(0, question));
  if (path === null) return null;
  const draft: MailtoDraft = { to: addresses(path), cc: [], subject: '', body: '' };
  const query = question < 0 ? '' : rest.slice(question + 1).split('#')[0]!;
  for (const pair of query.split('&')) {
    if (!pair) continue;
    const equals = pair.indexOf('=');
    const name = decode(equals < 0 ? pair : pair.slice(0, equals))?.toLowerCase();
    const value = decode(equals < 0 ? '' : pair.slice(equals + 1));
    if (name === undefined || value === null) return null;
    if (!TAKEN.has(name)) continue;
    if (name === 'to' || name === 'cc') draft[name].push(...addresses(value));
    else if (name === 'subject') draft.subject = value.replace(/[\r\n]+/g, ' ').slice(0, MAX_SUBJECT);
    else draft.body = value.replace(/\r\n?/g, '\n').slice(0, MAX_BODY);
  }
  draft.to = draft.to.slice(0, MAX_RECIPIENTS);
  draft.cc = draft.cc.slice(0, MAX_RECIPIENTS);
  return draft;
}

/** The mailto: link among a process's arguments (the OS starts Wren, or a second Wren, with it). */
export function mailtoInArgs(args: readonly string[]): string | null {
  return args.find((arg) => /^mailto:/i.test(arg)) ?? null;
}
