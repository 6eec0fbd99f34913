import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useT } from '../../i18n/i18n-context';
import { findMatches, MAX_MATCHES } from './find-matches';
import { scrollToMatch } from './scroll-to-match';
import './find-in-message.css';

/** The highlights' names: the mail frame's stylesheet (mail-document.ts) and Wren's (find-in-message.css) colour them. */
const ALL = 'wren-find';
const CURRENT = 'wren-find-current';

interface HighlightRegistry {
  set(name: string, highlight: unknown): void;
  delete(name: string): void;
}

/** The highlights of the window a root lives in (the mail's frame has its own); absent where the browser has none. */
function registryOf(root: Node): { registry: HighlightRegistry; Highlight: new (...ranges: Range[]) => unknown } | null {
  const view = (root.ownerDocument ?? (root as Document)).defaultView as (Window & { CSS?: { highlights?: HighlightRegistry }; Highlight?: new (...ranges: Range[]) => unknown }) | null;
  return view?.CSS?.highlights && view.Highlight ? { registry: view.CSS.highlights, Highlight: view.Highlight } : null;
}

/** Where the open message's body is: inside the mail's frame for HTML, else the plain text itself. */
function bodyRoot(container: HTMLElement | null): Node | null {
  if (!container) return null;
  const frame = container.querySelector('iframe');
  return frame ? (frame.contentDocument?.body ?? null) : container;
}

interface FindBarProps {
  /** The element around the message body. */
  body: RefObject<HTMLElement | null>;
  /** Changes with each Ctrl+F: the box takes the focus, its words selected to type new ones. */
  focusAsked: number;
  onClose(): void;
}

/**
 * Thunderbird's Find in This Message (Ctrl+F): the matches of what is typed are marked in the body, the current
 * one scrolled to; Enter goes to the next, Shift+Enter to the one before, Escape closes and clears the marks.
 */
export function FindBar({ body, focusAsked, onClose }: FindBarProps) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<Range[]>([]);
  const [current, setCurrent] = useState(0);
  // Before the browser paints, so that keys typed straight after Ctrl+F land in the box, not in the list behind it.
  useLayoutEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusAsked]);
  useEffect(() => {
    const root = bodyRoot(body.current);
    const found = root ? findMatches(root, query) : [];
    setMatches(found);
    setCurrent(0);
    const marks = root && registryOf(root);
    if (!marks) return;
    marks.registry.set(ALL, new marks.Highlight(...found));
    return () => {
      marks.registry.delete(ALL);
      marks.registry.delete(CURRENT);
    };
  }, [query, body]);
  useEffect(() => {
    const range = matches[current];
    if (!range) return;
    const marks = registryOf(range.startContainer);
    marks?.registry.set(CURRENT, new marks.Highlight(range));
    scrollToMatch(range);
  }, [matches, current]);
  const step = (by: number) => matches.length > 0 && setCurrent((at) => (at + by + matches.length) % matches.length);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') step(event.shiftKey ? -1 : 1);
    else if (event.key === 'Escape') onClose();
    // Ctrl+F again: the words typed are selected, to type new ones (the browser's own find stays away).
    else if (event.key.toLowerCase() === 'f' && (event.ctrlKey || event.metaKey)) input.current?.select();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
  const total = matches.length >= MAX_MATCHES ? `${MAX_MATCHES}+` : String(matches.length);
  return (
    <div className="find-bar" role="search" data-testid="find-bar">
      <input ref={input} type="search" value={query} onChange={(event) => setQuery(event.target.value)} onKeyDown={onKeyDown}
        aria-label={t('find.label')} placeholder={t('find.label')} data-testid="find-input" />
      <span className="find-bar__count" role="status" data-testid="find-count">
        {query.trim() === '' ? '' : matches.length === 0 ? t('find.none') : t('find.count', { current: current + 1, total })}
      </span>
      <button type="button" onClick={() => step(-1)} disabled={matches.length === 0} aria-label={t('find.previous')} title={t('find.previous')} data-testid="find-previous">↑</button>
      <button type="button" onClick={() => step(1)} disabled={matches.length === 0} aria-label={t('find.next')} title={t('find.next')} data-testid="find-next">↓</button>
      <button type="button" onClick={onClose} aria-label={t('find.close')} title={t('find.close')} data-testid="find-close">×</button>
    </div>
  );
}
