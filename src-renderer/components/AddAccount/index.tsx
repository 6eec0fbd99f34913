import { useState } from 'react';
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
      {open && createPortal(
        <div className="add-account__backdrop" onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}>
          <div className="add-account__dialog" role="dialog" aria-modal="true" aria-labelledby="add-account-heading" data-testid="add-account-dialog">
            <header className="add-account__header">
              <h2 id="add-account-heading">{t('account.addHeading')}</h2>
              <button type="button" onClick={() => setOpen(false)} data-testid="add-account-close">
                {t('dialog.close')}
              </button>
            </header>
            <AccountSetup onSaved={() => setOpen(false)} />
          </div>
        </div>,
        document.body,
      )}
    </>
  );
}
