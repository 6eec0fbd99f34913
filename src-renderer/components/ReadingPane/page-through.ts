/** How much of a page the space bar moves by: a little less than one, so the last lines stay in sight. */
const PAGE = 0.9;

/** What scrolls the open message: the HTML mail's own frame, when its document is taller than the frame, else the pane. */
function scrollers(): HTMLElement[] {
  const pane = document.querySelector<HTMLElement>('[data-testid="reading-pane"]');
  if (!pane) return [];
  const frame = pane.querySelector('iframe');
  const inFrame = frame?.contentDocument?.scrollingElement as HTMLElement | null | undefined;
  return inFrame ? [inFrame, pane] : [pane];
}

/**
 * Thunderbird's space bar over the open message: a page down (or up), in whichever of the mail's frame and the
 * reading pane still has room that way. False when neither has: the message has been read to its end (or top).
 */
export function pageThroughMessage(direction: 1 | -1): boolean {
  for (const scroller of scrollers()) {
    const room = direction === 1 ? scroller.scrollHeight - scroller.clientHeight - scroller.scrollTop : scroller.scrollTop;
    if (room > 1) {
      scroller.scrollBy({ top: direction * scroller.clientHeight * PAGE });
      return true;
    }
  }
  return false;
}
