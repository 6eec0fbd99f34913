import type { IncomingMessage, ServerResponse } from 'node:http';
import { importIntoFolder } from '../app/import-into-folder';
import type { WrenCore } from '../app/wren-core';
import { toLocalFault } from '../errors/local-fault';
import { toErrorShape } from '../errors/wren-error';
import { answerJson } from './upload-attachment';

/**
 * The web mode's "Import mail…": the browser POSTs one chosen file as the raw
 * request body (`/api/import?folderId=…`); it streams into the data folder's
 * staging area, is imported by the same streaming code as the CLI's import,
 * and is removed whatever happens. The file never sits in memory.
 */
export async function receiveMailImport(url: URL, request: IncomingMessage, response: ServerResponse, core: WrenCore): Promise<void> {
  const folderId = Number(url.searchParams.get('folderId'));
  if (!Number.isInteger(folderId) || folderId <= 0) return answerJson(response, 400, { code: 'BadRequest', message: 'folderId is required.' });
  let stagedId: string | null = null;
  let answer: { status: number; body: unknown };
  try {
    stagedId = (await core.staging.stageStream(request)).stagedId;
    answer = { status: 200, body: await importIntoFolder(core, folderId, [core.staging.pathOf(stagedId)]) };
  } catch (error) {
    answer = { status: 500, body: toErrorShape(toLocalFault(error) ?? error) };
  }
  // Gone before the answer: the page may import again at once, and nothing is left behind.
  if (stagedId !== null) await core.staging.discard(stagedId, 'the uploaded file');
  answerJson(response, answer.status, answer.body);
}
