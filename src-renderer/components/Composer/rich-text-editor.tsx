import { useEffect, useRef, type ClipboardEvent } from 'react';
import { useT } from '../../i18n/i18n-context';
import { editorHtml } from './compose-html';

interface RichTextEditorProps {
  /** The HTML to start from; later changes come from the user only. */
  initialHtml: string;
  onChange(html: string, text: string): void;
  /** A pasted image: staged by the caller, which answers its cid and a preview URL. */
  onPasteImage(file: File): Promise<{ cid: string; preview: string } | null>;
  /**
   * Where the caret starts, the editor focused, when it opens: on the first line (the writing line above a quoted
   * original), or on the line after the quote (a reply below it). None: the focus is left where it is (in To).
   */
  caretOnOpen?: 'top' | 'belowQuote';
}

type Command = 'bold' | 'italic' | 'insertUnorderedList' | 'insertOrderedList';

/**
 * Simple formatted text: bold, italic, lists, links, pasted images. The
 * browser's own editing (contenteditable, execCommand) is enough for that;
 * what it produces is sanitized when the message is built (compose-html.ts).
 */
export function RichTextEditor({ initialHtml, onChange, onPasteImage, caretOnOpen }: RichTextEditorProps) {
  const t = useT();
  const editor = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = editor.current;
    if (!root) return;
    root.innerHTML = editorHtml(initialHtml);
    // Focused as the plain text's textarea is: else the key that asked for a reply leaves the focus in the list, whose keys the typing would press.
    if (caretOnOpen) placeCaretIn(root, writingLine(root, caretOnOpen));
    // Only the first HTML: afterwards the DOM is the source of truth.
  }, []);

  const changed = () => editor.current && onChange(editor.current.innerHTML, editor.current.innerText);
  const run = (command: Command) => {
    editor.current?.focus();
    document.execCommand(command);
    changed();
  };
  const link = () => {
    const href = window.prompt(t('compose.linkPrompt'), 'https://');
    if (!href || !/^(https?:|mailto:)/i.test(href)) return;
    editor.current?.focus();
    document.execCommand('createLink', false, href);
    changed();
  };
  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    const image = [...event.clipboardData.files].find((file) => file.type.startsWith('image/'));
    if (!image) return;
    event.preventDefault();
    void onPasteImage(image).then((staged) => {
      if (!staged) return;
      editor.current?.focus();
      document.execCommand('insertHTML', false, `<img src="${staged.preview}" data-cid="${staged.cid}" alt="">`);
      changed();
    });
  };

  return (
    <div className="rich-text">
      <div className="rich-text__toolbar" role="toolbar" aria-label={t('compose.formatting')}>
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => run('bold')} title={t('compose.bold')}><b>B</b></button>
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => run('italic')} title={t('compose.italic')}><i>I</i></button>
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => run('insertUnorderedList')} title={t('compose.bulletList')}>•</button>
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => run('insertOrderedList')} title={t('compose.numberedList')}>1.</button>
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={link} title={t('compose.link')}>🔗</button>
      </div>
      <div
        ref={editor}
        className="rich-text__body composer__body"
        contentEditable
        role="textbox"
        aria-multiline="true"
        aria-label={t('compose.body')}
        data-testid="compose-body"
        onInput={changed}
        onPaste={onPaste}
      />
    </div>
  );
}

/** The line the caret starts on: the first, or the one after the quoted original (the first when there is none). */
function writingLine(root: HTMLElement, at: 'top' | 'belowQuote'): Element {
  const belowQuote = at === 'belowQuote' ? root.querySelector('[data-quoted]')?.nextElementSibling : null;
  return belowQuote ?? root.firstElementChild ?? root;
}

/** Focuses the editor with the caret at the start of `line`, scrolled into view. */
function placeCaretIn(editor: HTMLElement, line: Element): void {
  editor.focus();
  const range = document.createRange();
  range.setStart(line, 0);
  range.collapse(true);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  line.scrollIntoView({ block: 'nearest' });
}
