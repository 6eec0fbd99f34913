import { useState, type DragEvent } from 'react';
import type { FolderView } from '../../../src-main/ipc/contract';
import { draggedFolder } from './folder-drag';

/** The heading of an account's folders takes a folder of that account dragged onto it: to the top level. */
export function useTopLevelDrop(accountId: number | null, onDropFolder: (folder: FolderView, into: null) => void) {
  const [over, setOver] = useState(false);
  const accepted = (event: DragEvent) => {
    const dragged = draggedFolder(event);
    return dragged && dragged.accountId === accountId && dragged.parentId !== null ? dragged : null;
  };
  const handlers = {
    onDragOver: (event: DragEvent) => {
      if (!accepted(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      setOver(true);
    },
    onDragLeave: () => setOver(false),
    onDrop: (event: DragEvent) => {
      setOver(false);
      const dragged = accepted(event);
      if (!dragged) return;
      event.preventDefault();
      onDropFolder(dragged, null);
    },
  };
  return { over, handlers };
}
