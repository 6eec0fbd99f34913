import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { stageUpload } from '../compose/stage-files';
import { toLocalFault } from '../errors/local-fault';
import { toErrorShape } from '../errors/wren-error';
import type { AttachmentStaging } from '../outbox/attachment-staging';

/**
 * The web mode's file picker and drop target: the browser POSTs the file as
 * the raw request body (`/api/upload?filename=…`, `&inline=1` for an image in
 * the HTML text) and it streams into staging; the answer is the composer's
 * attachment row. The bytes never go through the WebSocket.
 */
export async function receiveUpload(url: URL, request: IncomingMessage, response: ServerResponse, staging: AttachmentStaging): Promise<void> {
  const filename = url.searchParams.get('filename') ?? '';
  if (!filename || filename.length > 1000) return answerJson(response, 400, { code: 'BadRequest', message: 'filename is required.' });
  const contentId = url.searchParams.get('inline') === '1' ? `${randomBytes(9).toString('hex')}@wren` : null;
  try {
    const attachment = await stageUpload(staging, filename, request, contentId);
    answerJson(response, 200, attachment);
  } catch (error) {
    answerJson(response, 500, toErrorShape(toLocalFault(error) ?? error));
  }
}

/** A JSON answer to an upload; a failure after the headers went out can only cut the connection. */
export function answerJson(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) return void response.destroy();
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }).end(JSON.stringify(body));
}
