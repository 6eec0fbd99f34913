import { describe, expect, it } from 'vitest';
import { textMenuTemplate, type TextMenuParams } from '../../../src-main/electron/text-context-menu';

const noEdits = { canUndo: false, canRedo: false, canCut: false, canCopy: false, canPaste: false, canDelete: false, canSelectAll: false, canEditRichly: false };
const base: TextMenuParams = { isEditable: false, selectionText: '', misspelledWord: '', dictionarySuggestions: [], linkURL: '', editFlags: noEdits };

function actions() {
  const done: string[] = [];
  return {
    done,
    actions: {
      replaceMisspelling: (word: string) => done.push(`replace ${word}`),
      addToDictionary: (word: string) => done.push(`add ${word}`),
      copyText: (text: string) => done.push(`copy ${text}`),
    },
  };
}

describe('the right-click menu over text (Electron shows none of its own)', () => {
  it('over a misspelled word in the composer: five suggestions at most, Add to Dictionary, then the field\'s edits', () => {
    const { done, actions: act } = actions();
    const params = {
      ...base, isEditable: true, misspelledWord: 'recieve', dictionarySuggestions: ['receive', 'relieve', 'reprieve', 'recite', 'revive', 'reeve'],
      editFlags: { ...noEdits, canPaste: true, canSelectAll: true },
    };
    const items = textMenuTemplate(params, 'en', act);
    expect(items.map((item) => item.label ?? item.type)).toEqual([
      'receive', 'relieve', 'reprieve', 'recite', 'revive', 'Add to Dictionary', 'separator', 'Cut', 'Copy', 'Paste', 'separator', 'Select All',
    ]);
    expect(items.filter((item) => item.role).map((item) => [item.role, item.enabled])).toEqual([['cut', false], ['copy', false], ['paste', true], ['selectAll', true]]);
    items[0]!.click!(undefined as never, undefined, undefined as never);
    items[5]!.click!(undefined as never, undefined, undefined as never);
    expect(done).toEqual(['replace receive', 'add recieve']);
  });

  it('in Chinese, and says so when the spell checker has nothing to suggest', () => {
    const items = textMenuTemplate({ ...base, isEditable: true, misspelledWord: 'qwzx', editFlags: noEdits }, 'zh', actions().actions);
    expect(items.slice(0, 2).map((item) => [item.label, item.enabled])).toEqual([['无拼写建议', false], ['添加到词典', undefined]]);
    expect(items.map((item) => item.label).filter(Boolean)).toContain('粘贴');
  });

  it('over selected text of a mail: Copy; over a link: Copy Link Address; over nothing: no menu', () => {
    const { done, actions: act } = actions();
    expect(textMenuTemplate({ ...base, selectionText: 'procurement figures' }, 'en', act).map((item) => [item.label, item.role])).toEqual([['Copy', 'copy']]);
    const link = textMenuTemplate({ ...base, linkURL: 'https://example.test/agenda' }, 'en', act);
    expect(link.map((item) => item.label)).toEqual(['Copy Link Address']);
    link[0]!.click!(undefined as never, undefined, undefined as never);
    expect(done).toEqual(['copy https://example.test/agenda']);
    expect(textMenuTemplate({ ...base, selectionText: '  ' }, 'en', act)).toEqual([]);
  });
});
