import type { StringKey } from '../i18n/en';
import type { Translate } from '../i18n/translate';
import { SHORTCUTS, type ShortcutAction } from './shortcut-keys';

const KEY_NAMES: Record<string, StringKey> = {
  ArrowDown: 'key.down',
  ArrowUp: 'key.up',
  ArrowLeft: 'key.left',
  ArrowRight: 'key.right',
  Enter: 'key.enter',
  Escape: 'key.escape',
  Delete: 'key.delete',
  Shift: 'key.shift',
  Space: 'key.space',
};

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** A key as written in SHORTCUTS (`Mod+K`, `Shift+I`) as the user reads it: `Ctrl + K`, or `⌘ + K` on a Mac. */
export function keyWords(written: string, t: Translate): string {
  return written
    .split('+')
    .map((part) => (part === 'Mod' ? (isMac ? '⌘' : 'Ctrl') : KEY_NAMES[part] ? t(KEY_NAMES[part]) : part))
    .join(' + ');
}

/** Every key of one action, as the user reads them: `/ or Ctrl + K`. */
export function actionKeyWords(action: ShortcutAction, t: Translate): string {
  const keys = SHORTCUTS.find((shortcut) => shortcut.action === action)?.keys ?? [];
  return keys.map((written) => keyWords(written, t)).join(` ${t('shortcuts.or')} `);
}
