import { htmlToText } from '../system/first-use-packages';
import { onFirstUse } from '../system/on-first-use';

/**
 * The converter for HTML mail's plain-text alternative, its options worked
 * out once (html-to-text's convert() rebuilds its selector tables at each
 * call, a large part of a small message's build).
 */
const toText = onFirstUse(() => htmlToText().compile({ wordwrap: 76, selectors: [{ selector: 'img', format: 'skip' }] }));

/** The plain-text alternative generated for HTML mail the composer wrote no text for. */
export function plainTextOf(html: string): string {
  return toText()(html);
}
