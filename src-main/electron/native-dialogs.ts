import type { BrowserWindow, Dialog } from 'electron';
import { join } from 'node:path';
import type { HandlerOptions } from '../app/handlers';

/** Where the save dialogs start: the OS's Downloads (attachments) and Documents (exported folders, saved messages). */
export interface DialogFolders {
  downloads: string;
  documents: string;
}

type NativeDialogOptions = Pick<HandlerOptions, 'chooseAttachmentPath' | 'chooseAttachmentsFolder' | 'chooseExportPath' | 'chooseMessagePath' | 'chooseImportFiles' | 'pickAttachmentFiles'>;

/**
 * The handlers' questions to the user answered with Electron's native dialogs,
 * attached to the app window. Kept apart from electron-main.ts so that the
 * path from a dialog's answer to an import, an export or a saved attachment
 * is tested without the Electron binary (a dialog stand-in answers instead).
 */
export function nativeDialogs(dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>, window: BrowserWindow, folders: DialogFolders): NativeDialogOptions {
  const saveAs = async (defaultPath: string): Promise<string | null> => {
    const choice = await dialog.showSaveDialog(window, { defaultPath });
    return choice.canceled || !choice.filePath ? null : choice.filePath;
  };
  const openFiles = async (): Promise<string[]> => {
    const choice = await dialog.showOpenDialog(window, { properties: ['openFile', 'multiSelections'] });
    return choice.canceled ? [] : choice.filePaths;
  };
  return {
    chooseAttachmentPath: (suggestedName) => saveAs(join(folders.downloads, suggestedName)),
    chooseAttachmentsFolder: async () => {
      const choice = await dialog.showOpenDialog(window, { defaultPath: folders.downloads, properties: ['openDirectory', 'createDirectory'] });
      return choice.canceled || !choice.filePaths[0] ? null : choice.filePaths[0];
    },
    chooseExportPath: (suggestedName) => saveAs(join(folders.documents, suggestedName)),
    chooseMessagePath: (suggestedName) => saveAs(join(folders.documents, suggestedName)),
    chooseImportFiles: async () => {
      const files = await openFiles();
      return files.length === 0 ? null : files;
    },
    pickAttachmentFiles: openFiles,
  };
}
