/**
 * Prints the open message: its headers, text and attachment names, without the folders, the list
 * or the buttons (print.css). A mail's HTML lies in its sandboxed frame, which fills and scrolls
 * inside the reading pane: a printer would get the frame's first screenful only, so each frame is
 * first made as tall as its document (the frame is same-origin with the page for this: see
 * HtmlBody), and given back its place after printing. Chromium then carries a tall frame across as
 * many pages as it needs.
 */
export function printOpenMessage(view: Window = window): void {
  const frames = [...view.document.querySelectorAll<HTMLIFrameElement>('.reading-pane .html-body__frame')];
  for (const frame of frames) {
    const content = frame.contentDocument?.documentElement;
    if (!content) continue;
    frame.style.flex = 'none';
    frame.style.height = `${content.scrollHeight}px`;
  }
  const restore = () => {
    for (const frame of frames) {
      frame.style.removeProperty('flex');
      frame.style.removeProperty('height');
    }
  };
  view.addEventListener('afterprint', restore, { once: true });
  view.print();
}
