// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { selectedBodyText } from '../../../src-renderer/components/ReadingPane/selected-text';

afterEach(() => {
  document.body.innerHTML = '';
  document.getSelection()?.removeAllRanges();
});

function pane(messageId: number): void {
  document.body.innerHTML = `
    <article data-testid="reading-pane" data-message-id="${messageId}">
      <h2 id="subject">Meeting notes</h2>
      <div class="reading-pane__body"><pre id="text">Budget is approved.\nHiring starts in March.</pre></div>
    </article>`;
}

function select(id: string, from: number, to: number): void {
  const node = document.getElementById(id)!.firstChild!;
  const range = document.createRange();
  range.setStart(node, from);
  range.setEnd(node, to);
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
}

describe('the selection an answer quotes', () => {
  it('is the text selected in the open message\'s body', () => {
    pane(7);
    select('text', 20, 43);
    expect(selectedBodyText(7)).toBe('Hiring starts in March.');
  });

  it('is none for another message, a selection outside the body, or one of blanks only', () => {
    pane(7);
    select('text', 20, 43);
    expect(selectedBodyText(8)).toBeNull();
    select('subject', 0, 7);
    expect(selectedBodyText(7)).toBeNull();
    select('text', 19, 20);
    expect(selectedBodyText(7)).toBeNull();
    document.getSelection()!.removeAllRanges();
    expect(selectedBodyText(7)).toBeNull();
  });
});
