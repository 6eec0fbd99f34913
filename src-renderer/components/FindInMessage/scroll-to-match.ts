/**
 * The current match to the middle of what scrolls around it. Its element's middle is not enough: in a long
 * text that element is a block of hundreds of lines (long-text-view.tsx), so the match could stay out of sight.
 */
export function scrollToMatch(range: Range): void {
  const element = range.startContainer.parentElement;
  element?.scrollIntoView({ block: 'center' });
  const scroller = scrollingAncestor(element);
  if (!scroller || typeof range.getBoundingClientRect !== 'function') return;
  const match = range.getBoundingClientRect();
  const view = scroller.ownerDocument.defaultView;
  // The document's own scroller (the mail's frame) scrolls its window, whose middle is the window's.
  const box = scroller === scroller.ownerDocument.scrollingElement ? { top: 0, height: view?.innerHeight ?? 0 } : scroller.getBoundingClientRect();
  scroller.scrollTop += match.top + match.height / 2 - (box.top + box.height / 2);
}

function scrollingAncestor(element: Element | null): Element | null {
  for (let at = element; at; at = at.parentElement) {
    if (at.scrollHeight <= at.clientHeight) continue;
    if (at === at.ownerDocument.scrollingElement) return at;
    const overflow = at.ownerDocument.defaultView?.getComputedStyle(at).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return at;
  }
  return null;
}
