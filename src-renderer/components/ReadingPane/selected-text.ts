/**
 * The text the user selected in the body of the open message, when the open
 * message is this one: what an answer quotes instead of the whole message, as
 * Thunderbird does by default. A selection elsewhere (the headers, the list,
 * another message) is not a quote; an HTML body's selection is in its frame,
 * which is the page's origin, so its document can be read.
 */
export function selectedBodyText(messageId: number, page: Document = document): string | null {
  const body = page.querySelector(`[data-testid="reading-pane"][data-message-id="${messageId}"] .reading-pane__body`);
  if (!body) return null;
  const selection = page.getSelection();
  if (selection && !selection.isCollapsed && selection.rangeCount > 0 && body.contains(selection.getRangeAt(0).commonAncestorContainer)) {
    return meaningful(selection.toString());
  }
  for (const frame of body.querySelectorAll('iframe')) {
    const inFrame = frame.contentDocument?.getSelection();
    if (inFrame && !inFrame.isCollapsed) return meaningful(inFrame.toString());
  }
  return null;
}

function meaningful(text: string): string | null {
  return text.trim() ? text : null;
}
