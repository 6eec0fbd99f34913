import type { VcardImportResult } from '../../../src-main/ipc/contract';
import type { ToastLine } from '../Toasts/toast-line';

/**
 * A file's bytes in base64, as addresses.importVcard takes them: the core, not `file.text()`, finds the file's
 * charset (a phone's vCard 2.1 file is often GBK, which read as UTF-8 loses every Chinese name).
 */
export async function fileBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const CHUNK = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** The toast of an import: what was added and already there, then the cards skipped and why. */
export function importedLines({ added, updated, skippedNoAddress, skippedUnreadable }: VcardImportResult): ToastLine[] {
  const lines: ToastLine[] = [{ key: 'contacts.imported', values: { added, updated } }];
  if (skippedNoAddress) lines.push({ key: 'contacts.skippedNoAddress', values: { count: skippedNoAddress } });
  if (skippedUnreadable) lines.push({ key: 'contacts.skippedUnreadable', values: { count: skippedUnreadable } });
  return lines;
}
