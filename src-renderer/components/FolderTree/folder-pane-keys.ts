import type { KeyboardEvent } from 'react';

/** An account's heading: a row of the tree too, above its folders (data-depth -1), as Thunderbird's account rows. */
const HEADING = '.folder-tree__account-name';
/** A row of the pane: a folder, a unified view, a saved search, the Outbox, an account's heading. */
const ROW = `.folder-row, ${HEADING}`;
/** What takes the focus in a row: its button, the name of a folder that only holds others, or the heading itself. */
export const FOCUSABLE = `.folder-row__button, ${HEADING}`;

function rowsOf(pane: HTMLElement): HTMLElement[] {
  return [...pane.querySelectorAll<HTMLElement>(ROW)];
}

/** Its level in the tree: folders and headings carry it (data-depth); the rows above the accounts are all at the top. */
const depthOf = (row: HTMLElement) => Number(row.dataset.depth ?? 0);

/** Focuses a row and opens what it stands for, as Thunderbird's folder pane does when moved through. */
function goTo(row: HTMLElement | undefined): void {
  const target = row?.matches(FOCUSABLE) ? row : row?.querySelector<HTMLElement>(FOCUSABLE);
  if (!target) return;
  target.focus();
  if (target instanceof HTMLButtonElement) target.click();
}

/** The row above at a lower level: the folder's parent. */
function parentOf(rows: HTMLElement[], index: number): HTMLElement | undefined {
  const depth = depthOf(rows[index]!);
  for (let i = index - 1; i >= 0; i--) if (depthOf(rows[i]!) < depth) return rows[i];
  return undefined;
}

/**
 * The folder pane's keys, in the manner of a tree (Thunderbird's folder pane, WAI-ARIA's tree pattern): Up and
 * Down move to the folder above or below and open it, Home and End to the first and last; Right shows a
 * folded folder's subfolders, then goes into them; Left folds them, then goes up to the parent (a top folder's is
 * its account's heading, whose menu the context-menu key opens). The key is
 * taken (preventDefault), so the message list's own Up and Down stay out of it.
 */
export function onFolderPaneKey(event: KeyboardEvent<HTMLElement>): void {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const focused = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>(FOCUSABLE) : null;
  const row = focused?.closest<HTMLElement>(ROW);
  if (!row) return;
  const rows = rowsOf(event.currentTarget);
  const index = rows.indexOf(row);
  const twisty = row.querySelector<HTMLButtonElement>('.folder-row__twisty');
  const folded = twisty?.getAttribute('aria-expanded') === 'false';
  switch (event.key) {
    case 'ArrowDown':
      goTo(rows[index + 1]);
      break;
    case 'ArrowUp':
      goTo(rows[index - 1]);
      break;
    case 'Home':
      goTo(rows[0]);
      break;
    case 'End':
      goTo(rows.at(-1));
      break;
    case 'ArrowRight':
      if (twisty && folded) twisty.click();
      else if (twisty || row.matches(HEADING)) goTo(rows[index + 1]);
      break;
    case 'ArrowLeft':
      if (twisty && !folded) twisty.click();
      else goTo(parentOf(rows, index));
      break;
    default:
      return;
  }
  event.preventDefault();
}
