import { useEffect, useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../../i18n/i18n-context';
import './dialog.css';

interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  testId?: string;
  wide?: boolean;
}

/**
 * A modal dialog: Escape or the backdrop closes it, and focus returns to
 * where it was. While one is open, the mail shortcuts stand down (they look
 * for aria-modal).
 */
export function Dialog({ title, onClose, children, testId, wide }: DialogProps) {
  const t = useT();
  const headingId = useId();
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    if (!panel.current?.contains(document.activeElement)) {
      const first = panel.current?.querySelector<HTMLElement>('[data-autofocus]') ?? panel.current?.querySelector<HTMLElement>('input, button');
      (first ?? panel.current)?.focus();
    }
    return () => previous?.focus?.();
  }, []);
  return createPortal(
    <div className="dialog__backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div
        ref={panel}
        className={wide ? 'dialog dialog--wide' : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={headingId}
        tabIndex={-1}
        data-testid={testId}
        onKeyDown={(event) => {
          // An Escape that ends an input method's composition (pinyin) is the input method's, not a close.
          if (event.key !== 'Escape' || event.nativeEvent.isComposing) return;
          event.stopPropagation();
          onClose();
        }}
      >
        <header className="dialog__header">
          <h2 id={headingId}>{title}</h2>
          <button type="button" className="dialog__close" onClick={onClose} aria-label={t('dialog.close')}>
            ×
          </button>
        </header>
        {children}
      </div>
    </div>,
    document.body,
  );
}
