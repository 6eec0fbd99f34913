import type { MailtoDraft } from '../../../src-main/ipc/contract';
import { chipOf } from './address-list';
import type { ComposerState } from './composer-state';

/**
 * A new message (as compose.start gave it: account, identity, signature)
 * filled from a mailto: link: recipients, subject and body, and nothing else.
 * Whatever the link held besides (attach=, bcc=) the core already dropped;
 * attachments are cleared here as well, so a link can never add a file.
 */
export function withMailto(state: ComposerState, draft: MailtoDraft): ComposerState {
  const chips = (addresses: string[]) => addresses.map((address) => chipOf({ name: '', address }));
  const body = draft.body;
  return {
    ...state,
    to: chips(draft.to),
    cc: chips(draft.cc),
    subject: draft.subject,
    text: body && state.text ? `${body}\n${state.text}` : body || state.text,
    html: state.html === null || !body ? state.html : `${paragraphs(body)}${state.html}`,
    attachments: [],
  };
}

/** The link's plain text as editor HTML: escaped, a paragraph per line. */
function paragraphs(text: string): string {
  const escape = (line: string) => line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text
    .split('\n')
    .map((line) => `<p>${line ? escape(line) : '<br>'}</p>`)
    .join('');
}
