import { useEffect, useLayoutEffect, useRef } from 'react';
import { keyStaysWithTarget, shortcutFor, type ShortcutAction } from './shortcut-keys';

/**
 * Listens for the mail shortcuts on the whole window. They stand down while
 * the user types in a field, while a dialog or menu is open (it has the
 * keys), and Ctrl+A inside the reading pane keeps selecting its text. Keys
 * pressed in an HTML mail's frame arrive here too, re-sent from its iframe
 * element (HtmlBody/forward-frame-keys.ts).
 */
export function useShortcuts(run: (action: ShortcutAction, key: string) => boolean | void): void {
  const latest = useRef(run);
  // Before the browser can deliver the next key: a key pressed the moment a new selection shows must act on it.
  useLayoutEffect(() => {
    latest.current = run;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || keyStaysWithTarget(event)) return;
      if (document.querySelector('[aria-modal="true"], [role="menu"]')) return;
      const action = shortcutFor(event);
      if (action === null) return;
      if (action === 'selectAll' && event.target instanceof Element && event.target.closest('.reading-pane')) return;
      // A handler answers false when the shortcut had nothing to act on: the key then keeps its usual meaning.
      if (latest.current(action, event.key) === false) return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
