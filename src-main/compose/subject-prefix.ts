/**
 * "Re:" and "Fwd:" without stacking. A subject that already starts with any
 * reply or forward prefix a mail client writes (English, German, Chinese,
 * with an ASCII or a full-width colon, "[n]" counters like "Re[2]:") keeps
 * its one prefix for the same kind of answer: replying to "RE: 回复: plan"
 * gives "Re: plan", never "Re: RE: 回复: plan".
 */
const REPLY_WORDS = ['re', 'aw', 'sv', '回复', '答复', '回覆'];
const FORWARD_WORDS = ['fwd', 'fw', 'wg', 'tr', '转发', '轉寄', '转寄'];

const PREFIX = new RegExp(`^\\s*(${[...REPLY_WORDS, ...FORWARD_WORDS].join('|')})\\s*(\\[\\d+\\]|\\(\\d+\\))?\\s*[:：]\\s*`, 'i');

/** The subject without any leading reply/forward prefixes. */
export function baseSubject(subject: string): string {
  let rest = subject;
  for (let match = PREFIX.exec(rest); match; match = PREFIX.exec(rest)) rest = rest.slice(match[0].length);
  return rest.trim();
}

/** "Re: " and the subject without the prefixes it had (so a reply to a reply, or to a forward, stays one "Re:"). */
export function replySubject(subject: string): string {
  return `Re: ${baseSubject(subject)}`;
}

export function forwardSubject(subject: string): string {
  return `Fwd: ${baseSubject(subject)}`;
}
