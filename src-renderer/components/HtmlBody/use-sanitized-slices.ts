import { useEffect, useMemo, useState } from 'react';
import { FIRST_SLICE, htmlSlice, type SliceStart } from './html-slice';
import { sanitizeMailHtml, type SanitizeOptions } from './sanitize-mail-html';

export interface SanitizedBody {
  html: string;
  blockedRemote: boolean;
  /** The whole mail is in `html`. */
  complete: boolean;
  /** Source characters in the first slice, and how far preparing the rest has come. */
  firstChars: number;
  preparedChars: number;
}

interface Prepared {
  html: string;
  blockedRemote: boolean;
}

/**
 * The mail's first slice, sanitized at once; with `wantAll`, the rest too,
 * one slice per task so the UI answers in between, shown when all is ready.
 * Until then (and while a change of `allowRemote` is being applied to the
 * rest) the last complete result, or the first slice, stays on screen.
 */
export function useSanitizedSlices(html: string, options: SanitizeOptions, wantAll: boolean): SanitizedBody {
  const { allowRemote, mailtoRoute = null } = options;
  const first = useMemo(() => {
    const slice = htmlSlice(html, FIRST_SLICE);
    return { ...sanitizeMailHtml(slice.html, { allowRemote, mailtoRoute }), next: slice.next };
  }, [html, allowRemote, mailtoRoute]);
  const [rest, setRest] = useState<Prepared | null>(null);
  const [preparedChars, setPreparedChars] = useState(0);

  useEffect(() => {
    if (!wantAll || first.next === null) return undefined;
    const parts = [first.html];
    let blockedRemote = first.blockedRemote;
    let next: SliceStart | null = first.next;
    let timer: ReturnType<typeof setTimeout>;
    const step = () => {
      const slice = htmlSlice(html, next!);
      const sanitized = sanitizeMailHtml(slice.html, { allowRemote, mailtoRoute });
      parts.push(sanitized.html);
      blockedRemote ||= sanitized.blockedRemote;
      next = slice.next;
      if (next) {
        setPreparedChars(next.offset);
        timer = setTimeout(step, 0);
      } else {
        setRest({ html: parts.join(''), blockedRemote });
      }
    };
    timer = setTimeout(step, 0);
    return () => clearTimeout(timer);
  }, [html, allowRemote, mailtoRoute, wantAll, first]);

  const firstChars = first.next?.offset ?? html.length;
  if (first.next === null) return { html: first.html, blockedRemote: first.blockedRemote, complete: true, firstChars, preparedChars: html.length };
  if (wantAll && rest) return { ...rest, complete: true, firstChars, preparedChars: html.length };
  return { html: first.html, blockedRemote: first.blockedRemote, complete: false, firstChars, preparedChars };
}
