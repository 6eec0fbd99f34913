import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import { createPortal } from 'react-dom';
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

  // Kept inside the window: a menu opened near the right or bottom edge opens leftwards or upwards.
  const top = Math.max(0, Math.min(at.y, window.innerHeight - items.length * 32 - 16));
  // Items with a second line are taller than the estimate: the menu scrolls rather than run off the window.
  const style = { left: Math.max(0, Math.min(at.x, window.innerWidth - 240)), top, maxHeight: window.innerHeight - top - 4 };
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
