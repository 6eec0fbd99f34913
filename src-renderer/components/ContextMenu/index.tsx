import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { placeMenu } from './menu-place';
import './context-menu.css';

export interface MenuItem {
  label: string;
  onSelect(): void;
  testId: string;
  disabled?: boolean;
  danger?: boolean;
  /** Draws a separator above the item. */
  separated?: boolean;
  /** A second, quieter line: what the item types, say, in the form it is typed. */
  detail?: string;
}

interface ContextMenuProps {
  /** Where the right click was, in window coordinates. */
  at: { x: number; y: number };
  items: MenuItem[];
  onClose(): void;
  label: string;
}

/**
 * A right-click menu: arrow keys and Enter work, Escape or a click elsewhere closes it,
 * and the focus goes back where it was (a dialog an item opens gives it back there too).
 */
export function ContextMenu({ at, items, onClose, label }: ContextMenuProps) {
  const menu = useRef<HTMLDivElement>(null);
  useFocusAndGiveBack(menu);
  useEffect(() => {
    const closeOutside = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('mousedown', closeOutside);
    window.addEventListener('blur', onClose);
    return () => {
      window.removeEventListener('mousedown', closeOutside);
      window.removeEventListener('blur', onClose);
    };
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation(); // the mail shortcuts must not see keys meant for the menu
    if (event.key === 'Escape' || event.key === 'Tab') return onClose();
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const entries = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not(:disabled)') ?? [])];
    const at = entries.indexOf(document.activeElement as HTMLElement);
    entries[(at + step + entries.length) % entries.length]?.focus();
  };

  const style = useMenuPlace(menu, at);
  return createPortal(
    <div ref={menu} className="context-menu" role="menu" aria-label={label} style={style} onKeyDown={onKeyDown} onContextMenu={(event) => event.preventDefault()}>
      {items.map((item) => (
        <button
          key={item.testId}
          type="button"
          role="menuitem"
          className={['context-menu__item', item.danger ? 'context-menu__item--danger' : '', item.separated ? 'context-menu__item--separated' : ''].filter(Boolean).join(' ')}
          disabled={item.disabled}
          data-testid={item.testId}
          onClick={() => {
            onClose();
            item.onSelect();
          }}
        >
          {item.label}
          {item.detail && <span className="context-menu__detail">{item.detail}</span>}
        </button>
      ))}
    </div>,
    document.body,
  );
}

/** Focuses the first item once, on opening (not on each render), and gives the focus back on closing. */
function useFocusAndGiveBack(menu: RefObject<HTMLDivElement | null>): void {
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]:not(:disabled)')?.focus();
    return () => {
      // The menu's items are gone by now, so the focus is on the body unless something else took it.
      if (previous?.isConnected && (!document.activeElement || document.activeElement === document.body)) previous.focus();
    };
  }, [menu]);
}

/**
 * Kept inside the window, measured as drawn (padding, border, two-line items and all), before it is painted:
 * near the right or bottom edge it opens leftwards or upwards, and one taller than the window scrolls.
 */
function useMenuPlace(menu: RefObject<HTMLDivElement | null>, at: { x: number; y: number }) {
  const view = () => ({ width: window.innerWidth, height: window.innerHeight });
  // Before it is measured: at the pointer, held to the window's height (the first layout gives its real size).
  const [place, setPlace] = useState(() => placeMenu(at, { width: 0, height: 0 }, view()));
  useLayoutEffect(() => {
    const box = menu.current?.getBoundingClientRect();
    if (!box) return;
    const next = placeMenu(at, { width: box.width, height: box.height }, view());
    // The same place keeps the same state: a caller passing a new `at` on each render must not render it again and again.
    setPlace((now) => (now.left === next.left && now.top === next.top && now.maxHeight === next.maxHeight ? now : next));
  }, [menu, at]);
  return place;
}
