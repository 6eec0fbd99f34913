import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';
import { MENU_WORDS, type MenuLanguage } from './menu-words';

/** What the menu's items do; Electron's webContents, session and clipboard in the app, stand-ins in tests. */
export interface TextMenuActions {
  replaceMisspelling(word: string): void;
  addToDictionary(word: string): void;
  copyText(text: string): void;
}

/** The params of a right click the menu reads. */
export type TextMenuParams = Pick<ContextMenuParams, 'isEditable' | 'selectionText' | 'misspelledWord' | 'dictionarySuggestions' | 'linkURL' | 'editFlags'>;

/** At most this many of the spell checker's suggestions, as Thunderbird and Chrome show. */
const MAX_SUGGESTIONS = 5;

/**
 * The right-click menu over text, which Electron leaves to the app (it shows none): the spell checker's
 * suggestions and "Add to Dictionary" over a misspelled word in the composer, then Cut, Copy, Paste and
 * Select All in a field, Copy over selected text, Copy Link Address over a link. Empty where none of
 * these applies (a right click on the page itself); the rows' and folders' own menus never get here,
 * as the page takes their right click.
 */
export function textMenuTemplate(params: TextMenuParams, language: MenuLanguage, actions: TextMenuActions): MenuItemConstructorOptions[] {
  const w = MENU_WORDS[language];
  const items: MenuItemConstructorOptions[] = [];
  if (params.isEditable && params.misspelledWord) {
    const suggestions = params.dictionarySuggestions.slice(0, MAX_SUGGESTIONS);
    if (suggestions.length === 0) items.push({ label: w.noSuggestions, enabled: false });
    for (const suggestion of suggestions) items.push({ label: suggestion, click: () => actions.replaceMisspelling(suggestion) });
    items.push({ label: w.addToDictionary, click: () => actions.addToDictionary(params.misspelledWord) }, { type: 'separator' });
  }
  if (params.isEditable) {
    items.push(
      { label: w.cut, role: 'cut', enabled: params.editFlags.canCut },
      { label: w.copy, role: 'copy', enabled: params.editFlags.canCopy },
      { label: w.paste, role: 'paste', enabled: params.editFlags.canPaste },
      { type: 'separator' },
      { label: w.selectAll, role: 'selectAll', enabled: params.editFlags.canSelectAll },
    );
  } else if (params.selectionText.trim()) {
    items.push({ label: w.copy, role: 'copy' });
  }
  if (params.linkURL) {
    if (items.length > 0) items.push({ type: 'separator' });
    items.push({ label: w.copyLink, click: () => actions.copyText(params.linkURL) });
  }
  return items;
}
