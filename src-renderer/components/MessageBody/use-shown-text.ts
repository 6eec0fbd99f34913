import { useEffect, useMemo, useState } from 'react';
import { partEnd, SHOWN_AT_ONCE, textBlocks } from './long-text';

export interface ShownText {
  /** The text drawn so far, in blocks short enough to lay out quickly. */
  blocks: string[];
  /** Characters drawn so far. */
  shownChars: number;
  complete: boolean;
}

/**
 * The first SHOWN_AT_ONCE characters of `text`; with `wantAll`, the rest too, one more such part per task, so the
 * window answers clicks and keys in between. Everything follows the text: another text starts again from its start.
 */
export function useShownText(text: string, wantAll: boolean): ShownText {
  const firstEnd = useMemo(() => partEnd(text, 0, SHOWN_AT_ONCE), [text]);
  const [progress, setProgress] = useState({ text, end: firstEnd });
  const shownChars = progress.text === text ? Math.max(progress.end, firstEnd) : firstEnd;
  useEffect(() => {
    if (!wantAll || shownChars >= text.length) return undefined;
    const timer = setTimeout(() => setProgress({ text, end: partEnd(text, shownChars, SHOWN_AT_ONCE) }), 0);
    return () => clearTimeout(timer);
  }, [text, wantAll, shownChars]);
  const blocks = useMemo(() => textBlocks(text, 0, shownChars), [text, shownChars]);
  return { blocks, shownChars, complete: shownChars >= text.length };
}
