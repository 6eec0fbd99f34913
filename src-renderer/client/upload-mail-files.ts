import type { ErrorShape } from '../../src-main/errors/error-codes';
import { ClientError } from './wren-client';

/** What the web mode's file chooser offers for "Import mail…". */
export const MAIL_FILE_TYPES = '.mbox,.eml,message/rfc822,application/mbox';

/**
 * The web mode's "Import mail…": the browser's file chooser, then each chosen
 * file streamed as the body of `/api/import` (the page's cookie; the core
 * stages it on disk, imports it and removes it). Null when nothing was chosen.
 */
export async function importChosenMailFiles(folderId: number): Promise<number | null> {
  const files = await chooseFiles(MAIL_FILE_TYPES);
  if (files.length === 0) return null;
  let imported = 0;
  for (const file of files) imported += await uploadMailFile(folderId, file);
  return imported;
}

async function uploadMailFile(folderId: number, file: File): Promise<number> {
  const response = await fetch(`/api/import?folderId=${folderId}`, { method: 'POST', body: file, credentials: 'same-origin' });
  const body = (await response.json().catch(() => ({ code: 'Internal', message: `HTTP ${response.status}` }))) as { imported: number } | ErrorShape;
  if (!response.ok) throw new ClientError(body as ErrorShape);
  return (body as { imported: number }).imported;
}

/** The browser's open dialog; resolves with nothing when it is cancelled. */
function chooseFiles(accept: string): Promise<File[]> {
  const input = document.createElement('input');
  input.type = 'file';
  input.multiple = true;
  input.accept = accept;
  return new Promise((resolve) => {
    input.addEventListener('change', () => resolve([...(input.files ?? [])]), { once: true });
    input.addEventListener('cancel', () => resolve([]), { once: true });
    input.click();
  });
}
