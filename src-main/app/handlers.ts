import type { Handlers } from '../ipc/dispatch';
import type { WrenCore } from './wren-core';
import { accountHandlers } from './request-handlers/account-handlers';
import { appHandlers } from './request-handlers/app-handlers';
import { composeHandlers } from './request-handlers/compose-handlers';
import { filterHandlers } from './request-handlers/filter-handlers';
import { folderHandlers } from './request-handlers/folder-handlers';
import { messageHandlers } from './request-handlers/message-handlers';
import type { OpenedAttachments } from '../messages/opened-attachments';

export interface HandlerOptions {
  /** Where to save an attachment; Electron asks with a dialog. Default: a free name in the Downloads folder. */
  chooseAttachmentPath?: (suggestedName: string) => Promise<string | null>;
  /** Which folder "Save all" writes a message's attachments into (Electron: a folder dialog); null when cancelled. Default: Downloads. */
  chooseAttachmentsFolder?: () => Promise<string | null>;
  /** Where to save a message as a .eml file (Electron: a save dialog); null when the user cancels. Default: a free name in Downloads. */
  chooseMessagePath?: (suggestedName: string) => Promise<string | null>;
  /** Where to export a folder (Electron: a save dialog); null when the user cancels. */
  chooseExportPath?: (suggestedName: string, format: 'mbox' | 'eml') => Promise<string | null>;
  /** Which mail files to import (Electron: an open dialog); null when the user cancels. */
  chooseImportFiles?: () => Promise<string[] | null>;
  /** Files to attach, chosen in Electron's open dialog; absent elsewhere (the web mode uploads). */
  pickAttachmentFiles?: () => Promise<string[]>;
  /** Electron only: where opened attachments' copies go, and the OS's "open with the default application". */
  openWithSystem?: SystemOpener;
}

export interface SystemOpener {
  copies: OpenedAttachments;
  /** Electron's shell.openPath: resolves to '' when the file was opened, else the OS's reason. */
  openPath: (path: string) => Promise<string>;
}

/** The contract's requests, implemented over the core: one module per request file of the contract (ipc/requests). */
export function createHandlers(core: WrenCore, options: HandlerOptions = {}): Handlers {
  return {
    ...appHandlers(core),
    ...accountHandlers(core),
    ...folderHandlers(core, options),
    ...filterHandlers(core),
    ...messageHandlers(core, options),
    ...composeHandlers(core, options),
  };
}
