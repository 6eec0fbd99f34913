import type { ComposeAttachment } from '../../src-main/ipc/contract';
import type { ErrorShape } from '../../src-main/errors/error-codes';
import { ClientError, type WrenClient } from './wren-client';

/**
 * Files for the composer, staged in the core without passing through the
 * page's memory: in the web mode the browser streams each one as the body of
 * an upload (`api/upload` beside the page, under its secret path, with the
 * page's cookie); Electron's files come from its own open dialog
 * (`attachments.pick`).
 */
export async function uploadFiles(files: File[], inline = false): Promise<ComposeAttachment[]> {
  const staged: ComposeAttachment[] = [];
  for (const file of files) {
    const url = `api/upload?filename=${encodeURIComponent(file.name || 'attachment')}${inline ? '&inline=1' : ''}`;
    const response = await fetch(url, { method: 'POST', body: file, credentials: 'same-origin' });
    const body = (await response.json()) as ComposeAttachment | ErrorShape;
    if (!response.ok) throw new ClientError(body as ErrorShape);
    staged.push(body as ComposeAttachment);
  }
  return staged;
}

/** Whether files can be dropped onto the composer (the web mode uploads them; Electron picks them with its dialog). */
export function canUpload(client: WrenClient): boolean {
  return client.mode === 'web';
}
