/**
 * "Re:" and "Fwd:" without stacking. A subject that already starts with a
 * prefix of the same kind a mail client writes (English, German, Chinese,
 * with an ASCII or a full-width colon, "[n]" counters like "Re[2]:") keeps
 * one: replying to "RE: 回复: plan" gives "Re: plan", never "Re: RE: 回复: plan".
 * A prefix of the other kind stays, as Thunderbird, Gmail and Outlook keep it:
 * a reply to "Fwd: Slides" is "Re: Fwd: Slides", whose readers then see that
 * the thread began with a forward.
 */
const REPLY_WORDS = ['re', 'aw', 'sv', '回复', '答复', '回覆'];
const FORWARD_WORDS = ['fwd', 'fw', 'wg', 'tr', '转发', '轉寄', '转寄'];

const prefixOf = (words: string[]) => new RegExp(`^\\s*(${words.join('|')})\\s*(\\[\\d+\\]|\\(\\d+\\))?\\s*[:：]\\s*`, 'i');
const ANY_PREFIX = prefixOf([...REPLY_WORDS, ...FORWARD_WORDS]);
const REPLY_PREFIX = prefixOf(REPLY_WORDS);
const FORWARD_PREFIX = prefixOf(FORWARD_WORDS);

function withoutLeading(subject: string, prefix: RegExp): string {
  let rest = subject;
  for (let match = prefix.exec(rest); match; match = prefix.exec(rest)) rest = rest.slice(match[0].length);
  return rest.trim();
}

/** The subject without any leading reply or forward prefixes (a list sorted by subject puts answers beside their first). */
export function baseSubject(subject: string): string {
  return withoutLeading(subject, ANY_PREFIX);
}

/** "Re: " and the subject without the reply prefixes it began with (a reply to a reply stays at one "Re:"). */
export function replySubject(subject: string): string {
  return `Re: ${withoutLeading(subject, REPLY_PREFIX)}`;
}

/** "Fwd: " and the subject without the forward prefixes it began with. */
export function forwardSubject(subject: string): string {
  return `Fwd: ${withoutLeading(subject, FORWARD_PREFIX)}`;
}
