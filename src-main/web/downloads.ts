import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { toErrorShape } from '../errors/wren-error';
import type { WrenCore } from '../app/wren-core';
import { attachmentPart, loadAttachment } from '../messages/attachment-export';
import { bareType, browserViewable } from '../ipc/browser-viewable';
import type { StructurePart } from '../mime/structure';
import { exportRows, mboxOf } from '../mailfiles/export-folder';
import { messageFileName, safeFileName } from '../mime/safe-file-name';
import { fail } from './http-failure';

/**
 * The web mode's downloads (what Electron does with a save dialog): a message's source, an attachment (or a tab
 * that shows it), a folder as mbox. Each is a GET under the app's secret path, streamed from the blob store.
 */
export type Download = (url: URL, response: ServerResponse, core: WrenCore) => Promise<void>;

/** The download's headers: never sniffed, and named for the user's file system (RFC 6266's filename*). */
function fileHeaders(filename: string, disposition: 'attachment' | 'inline', type: Record<string, string>): Record<string, string> {
  return { ...type, 'Content-Disposition': `${disposition}; filename*=UTF-8''${encodeURIComponent(filename)}`, 'X-Content-Type-Options': 'nosniff' };
}

/** Never shown in place: a download, whatever the browser would make of the type. */
const DOWNLOADED = { 'Content-Type': 'application/octet-stream' };

/** Browser download of a whole message as a .eml file (Save As; Electron asks with a dialog). */
const messageSource: Download = async (url, response, core) => {
  const messageId = Number(url.searchParams.get('messageId'));
  if (!Number.isInteger(messageId) || messageId <= 0) return fail(response, 400, 'messageId is required.');
  await answering(response, async () => {
    const record = core.reader.requireMessage(messageId);
    const blob = await core.reader.cachedSource(record.id);
    response.writeHead(200, { 'Content-Length': String(blob.size), ...fileHeaders(messageFileName(record.subject), 'attachment', DOWNLOADED) });
    core.store.blobs.read(blob.blob).pipe(response);
  });
};

/** Browser download of an attachment ("save where the user chooses"), or with view=1 a tab that shows it. */
const attachment: Download = async (url, response, core) => {
  const messageId = Number(url.searchParams.get('messageId'));
  const partId = url.searchParams.get('partId') ?? '';
  if (!Number.isInteger(messageId) || !/^\d+(\.\d+)*$/.test(partId)) return fail(response, 400, 'messageId and partId are required.');
  await answering(response, async () => {
    const record = core.reader.requireMessage(messageId);
    const part = attachmentPart(record, partId);
    const file = await loadAttachment(core.store, record, part, core.reader.imapFor(record));
    const view = url.searchParams.get('view') === '1' && browserViewable(part.type);
    response.writeHead(200, { 'Content-Length': String(file.blob.size), ...fileHeaders(file.filename, view ? 'inline' : 'attachment', view ? viewingHeaders(part) : DOWNLOADED) });
    core.store.blobs.read(file.blob.blob).pipe(response);
  });
};

/**
 * An attachment shown in a tab of its own ("Open" in the web mode): its declared type, only when that is
 * one a browser shows without running anything (browser-viewable.ts), and a sandbox with no script and no
 * fetch, so a file that lies about its type still runs nothing on the page's origin, where the API is.
 */
function viewingHeaders(part: StructurePart): Record<string, string> {
  const charset = part.parameters.charset?.replace(/[^A-Za-z0-9_.:-]/g, '');
  const type = bareType(part.type);
  return {
    'Content-Type': type === 'text/plain' ? `text/plain; charset=${charset || 'utf-8'}` : type,
    'Content-Security-Policy': "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
  };
}

/** Browser download of a folder as an mbox file (mboxrd), streamed message by message. */
const folderExport: Download = async (url, response, core) => {
  const folderId = Number(url.searchParams.get('folderId'));
  if (!Number.isInteger(folderId)) return fail(response, 400, 'folderId is required.');
  await answering(response, async () => {
    const folder = core.store.folders.get(folderId);
    const rows = exportRows(core.store, folderId);
    response.writeHead(200, fileHeaders(`${safeFileName(folder!.name, undefined) || 'mail'}.mbox`, 'attachment', { 'Content-Type': 'application/mbox' }));
    await pipeline(Readable.from(mboxOf(core.store, rows, (id) => core.reader.cachedSource(id))), response);
  });
};

/** The downloads by their path under the app's secret path. */
export const DOWNLOADS: Record<string, Download | undefined> = {
  '/api/source': messageSource,
  '/api/attachment': attachment,
  '/api/export': folderExport,
};

/** What cannot be found or read is a 404 with the core's words; one that failed half-sent is cut off. */
async function answering(response: ServerResponse, send: () => Promise<void>): Promise<void> {
  try {
    await send();
  } catch (error) {
    fail(response, 404, toErrorShape(error).message);
  }
}
