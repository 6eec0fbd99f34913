import { useEffect, type RefObject } from 'react';
import { keyStaysWithTarget } from '../../shortcuts/shortcut-keys';

/**
 * Keys pressed in the mail's frame (the user clicked into the body, to select
 * text) never reach Wren's window: the frame is another document. Its sandbox
 * has allow-same-origin and no allow-scripts, so Wren's page may listen on the
 * frame's document while nothing in the mail can run. Each key is sent again
 * from the iframe element, as if pressed on it in Wren's page, so the shortcuts
 * (and anything else listening there) answer as everywhere else. When one acts
 * on it, the key's own meaning in the frame (an arrow scrolling) is cancelled;
 * otherwise (Ctrl+C copying the selection, Space scrolling) it is kept.
 */
export function useFrameKeys(frameRef: RefObject<HTMLIFrameElement | null>): void {
  useEffect(() => {
    const frame = frameRef.current;
    if (!frame) return undefined;
    let detach = () => {};
    // Every new srcdoc (remote content allowed, the rest of a long mail) is a new document.
    const attach = () => {
      detach();
      detach = forwardKeys(frame);
    };
    frame.addEventListener('load', attach);
    attach();
    return () => {
      frame.removeEventListener('load', attach);
      detach();
    };
  }, [frameRef]);
}

function forwardKeys(frame: HTMLIFrameElement): () => void {
  const frameDocument = frame.contentDocument;
  if (!frameDocument) return () => {};
  const onKeyDown = (event: KeyboardEvent) => {
    // Only the user's own keys (the mail has no script to make any), and none that belong to what is focused in it.
    if (!event.isTrusted || keyStaysWithTarget(event)) return;
    const again = new KeyboardEvent('keydown', {
      key: event.key,
      code: event.code,
      location: event.location,
      repeat: event.repeat,
      isComposing: event.isComposing,
      shiftKey: event.shiftKey,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      altKey: event.altKey,
      bubbles: true,
      cancelable: true,
    });
    if (!frame.dispatchEvent(again)) event.preventDefault();
  };
  frameDocument.addEventListener('keydown', onKeyDown);
  return () => frameDocument.removeEventListener('keydown', onKeyDown);
}
