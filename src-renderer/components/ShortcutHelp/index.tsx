import { useI18n } from '../../i18n/i18n-context';
import { SHORTCUTS, type ShortcutAction } from '../../shortcuts/shortcut-keys';
import { keyWords } from '../../shortcuts/key-words';
import { Dialog } from '../Dialog';
import './shortcut-help.css';

/**
 * The `?` overlay: the shortcuts with their keys, from the same list the key handler uses;
 * only those that work where it was opened (`working`, when not all do).
 */
export function ShortcutHelp({ onClose, working }: { onClose(): void; working?: ReadonlySet<ShortcutAction> }) {
  const { t } = useI18n();
  return (
    <Dialog title={t('shortcuts.title')} onClose={onClose} testId="shortcut-help" wide>
      <table className="shortcut-help">
        <tbody>
          {SHORTCUTS.filter((shortcut) => !working || working.has(shortcut.action)).map((shortcut) => (
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
      <p className="shortcut-help__note">{t('shortcuts.folderPane')}</p>
      <p className="shortcut-help__note" data-testid="shortcut-help-composer">
        {t('shortcuts.composer', { send: keyWords('Mod+Enter', t), cc: keyWords('Mod+Shift+C', t), bcc: keyWords('Mod+Shift+B', t) })}
      </p>
      <p className="shortcut-help__note">{t('shortcuts.note')}</p>
    </Dialog>
  );
}
