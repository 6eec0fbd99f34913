import type { DragEvent } from 'react';
import type { FolderView } from '../../../src-main/ipc/contract';

/** Our own type, so a folder row tells a dragged folder from dragged messages, files or text. */
export const FOLDER_MIME = 'application/x-wren-folder';

/**
 * The folder being dragged in this window. A drag's data can be read only on the drop, yet whether a row may take
 * the folder (not itself, not below it) must be known while it hovers: the tree drags within one page, so the page
 * keeps it.
 */
let dragging: FolderView | null = null;

export function startFolderDrag(event: DragEvent, folder: FolderView): void {
  dragging = folder;
  event.dataTransfer.setData(FOLDER_MIME, String(folder.id));
  event.dataTransfer.effectAllowed = 'move';
}

export function endFolderDrag(): void {
  dragging = null;
}

/** The folder this drag carries, if it carries one of this window's. */
export function draggedFolder(event: DragEvent): FolderView | null {
  return [...event.dataTransfer.types].includes(FOLDER_MIME) ? dragging : null;
}
