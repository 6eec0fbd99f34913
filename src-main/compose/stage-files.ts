import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { mimeFuncs } from '../system/first-use-packages';
import type { ComposeAttachment } from '../ipc/compose-shapes';
import type { AttachmentStaging } from '../outbox/attachment-staging';
import { safeContentType } from './stage-parts';

/** A file's type from its name (the renderer's word for it is not trusted). */
export function contentTypeOf(filename: string): string {
  return safeContentType(mimeFuncs().detectMimeType(filename) || 'application/octet-stream');
}

function cleanName(filename: string): string {
  return basename(filename.replace(/\\/g, '/')).replace(/[\r\n\t]+/g, ' ').trim().slice(0, 255) || 'attachment';
}

/** Files the user picked in Electron's dialog, copied into staging (streamed). */
export async function stagePickedFiles(staging: AttachmentStaging, paths: string[]): Promise<ComposeAttachment[]> {
  const staged: ComposeAttachment[] = [];
  for (const path of paths) {
    const { stagedId, size } = await staging.stageFile(path);
    const filename = cleanName(path);
    staged.push({ stagedId, filename, contentType: contentTypeOf(filename), size, contentId: null });
  }
  return staged;
}

/** One uploaded file (the web mode's upload), streamed into staging. */
export async function stageUpload(staging: AttachmentStaging, filename: string, body: Readable, contentId: string | null): Promise<ComposeAttachment> {
  const { stagedId, size } = await staging.stageStream(body);
  const name = cleanName(filename);
  return { stagedId, filename: name, contentType: contentTypeOf(name), size, contentId };
}
