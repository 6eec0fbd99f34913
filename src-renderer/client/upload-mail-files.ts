import type { ErrorShape } from '../../src-main/errors/error-codes';
import { ClientError, type ImportCount } from './wren-client';

/** What the web mode's file chooser offers for "Import mail…". */
export const MAIL_FILE_TYPES = '.mbox,.eml,message/rfc822,application/mbox';

/**
 * The web mode's "Import mail…": the browser's file chooser, then each chosen
 * file streamed as the body of `api/import` beside the page (the page's
 * cookie; the core stages it on disk, imports it and removes it). Null when
 * nothing was chosen.
 */
export async function importChosenMailFiles(folderId: number): Promise<ImportCount | null> {
  const files = await chooseFiles(MAIL_FILE_TYPES);
  if (files.length === 0) return null;
  const count: ImportCount = { imported: 0, skipped: 0 };
  for (const file of files) {
    const { imported, skipped } = await uploadMailFile(folderId, file);
    count.imported += imported;
    count.skipped += skipped;
  }
  return count;
}

/**
 * One file to `api/import`, relative because the API lives under the page's
 * secret path: the number of messages imported and skipped, or the core's error.
 */
export async function uploadMailFile(folderId: number, file: File): Promise<ImportCount> {
  const response = await fetch(`api/import?folderId=${folderId}`, { method: 'POST', body: file, credentials: 'same-origin' });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok && isErrorShape(body)) throw new ClientError(body);
  const { imported, skipped } = (response.ok ? body : null) as { imported?: unknown; skipped?: unknown } | null ?? {};
  if (isCount(imported) && isCount(skipped)) return { imported, skipped };
  // Not the core's answer (a proxy's page, a cut reply): said as such, never counted as NaN messages.
  const type = response.headers.get('content-type') ?? 'no content type';
  throw new ClientError({
    code: 'Internal',
    message: `Importing ${file.name} got an answer that is not the core's (HTTP ${response.status}, ${type}).`,
    details: { file: file.name, status: response.status },
  });
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isErrorShape(body: unknown): body is ErrorShape {
  return typeof body === 'object' && body !== null && typeof (body as ErrorShape).code === 'string' && typeof (body as ErrorShape).message === 'string';
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
