import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../../i18n/i18n-context';
import { AccountSetup } from '../AccountSetup';
import './add-account.css';

/**
 * Adds another account while the app runs. Once saved the core starts its
 * sync and announces it, so the folder tree shows it without a reload.
 */
export function AddAccount() {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} data-testid="add-account">
        ＋ {t('account.add')}
      </button>
      {/* Outside the toolbar, whose compact field layout is not the form's. */}
      {open && createPortal(<AddAccountDialog onClose={() => setOpen(false)} />, document.body)}
    </>
  );
}

/**
 * The form as a modal: it takes the focus (its first field), so Escape reaches
 * it and typing goes to the address, and gives the focus back when it closes.
 */
function AddAccountDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    (panel.current?.querySelector<HTMLElement>('input, select, button:not([data-testid="add-account-close"])') ?? panel.current)?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div
      className="add-account__backdrop"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        onClose();
      }}
    >
      <div ref={panel} className="add-account__dialog" role="dialog" aria-modal="true" aria-labelledby="add-account-heading" tabIndex={-1} data-testid="add-account-dialog">
        <header className="add-account__header">
          <h2 id="add-account-heading">{t('account.addHeading')}</h2>
          <button type="button" onClick={onClose} data-testid="add-account-close">
            {t('dialog.close')}
          </button>
        </header>
        <AccountSetup onSaved={onClose} />
      </div>
    </div>
  );
}
