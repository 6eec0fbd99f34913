import { useState } from 'react';
import type { MessageSummary } from '../../../src-main/ipc/contract';
import type { DeletePlan } from './delete-plan';
import type { FolderDialogState } from '../FolderMenu/folder-dialog-state';
import type { FolderMenuTarget } from '../FolderMenu';
import type { AccountDialogState } from '../AccountDialogs/account-dialog-state';

type At = { x: number; y: number };

/**
 * Move to… or Copy to…, asked of the folder picker; `ids`: the messages a context menu acts on, else the selection.
 */
export interface PickerAsk {
  kind: 'move' | 'copy';
  ids?: number[];
}

/**
 * A message's context menu: where it opened, and the messages it acts on (the row right-clicked, or the selection
 * when the row is in it), which the right click neither selects nor opens, as in Thunderbird.
 */
export interface MessageMenu {
  at: At;
  ids: number[];
}

/** What floats over the mail: the folder picker, menus, dialogs, the shortcut help. One of each at most. */
export function useMailOverlays() {
  const [picker, setPicker] = useState<PickerAsk | null>(null);
  const [deleteForever, setDeleteForever] = useState<DeletePlan | null>(null);
  const [help, setHelp] = useState(false);
  const [messageMenu, setMessageMenu] = useState<MessageMenu | null>(null);
  const [folderMenu, setFolderMenu] = useState<{ target: FolderMenuTarget; at: At } | null>(null);
  const [folderDialog, setFolderDialog] = useState<FolderDialogState | null>(null);
  const [accountDialog, setAccountDialog] = useState<AccountDialogState | null>(null);
  const [filterFrom, setFilterFrom] = useState<{ accountId: number; message: MessageSummary } | null>(null);
  const [redirect, setRedirect] = useState<MessageSummary | null>(null);
  return {
    picker, setPicker, deleteForever, setDeleteForever, help, setHelp, messageMenu, setMessageMenu,
    folderMenu, setFolderMenu, folderDialog, setFolderDialog, accountDialog, setAccountDialog, filterFrom, setFilterFrom,
    redirect, setRedirect,
  };
}

export type MailOverlays = ReturnType<typeof useMailOverlays>;
