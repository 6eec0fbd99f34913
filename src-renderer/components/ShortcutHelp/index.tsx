import { useI18n } from '../../i18n/i18n-context';
import { SHORTCUTS } from '../../shortcuts/shortcut-keys';
import { keyWords } from '../../shortcuts/key-words';
import { Dialog } from '../Dialog';
import './shortcut-help.css';

/** The `?` overlay: every shortcut with its keys, from the same list the key handler uses. */
export function ShortcutHelp({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  return (
    <Dialog title={t('shortcuts.title')} onClose={onClose} testId="shortcut-help" wide>
      <table className="shortcut-help">
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.action} data-testid={`shortcut-row-${shortcut.action}`}>
              <td className="shortcut-help__keys">
                {shortcut.keys.map((written, index) => (
                  <span key={written}>
                    {index > 0 && <span className="shortcut-help__or"> {t('shortcuts.or')} </span>}
                    <kbd>{keyWords(written, t)}</kbd>
                  </span>
                ))}
              </td>
              <td>{t(`shortcut.${shortcut.action}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="shortcut-help__note">{t('shortcuts.note')}</p>
    </Dialog>
  );
}
