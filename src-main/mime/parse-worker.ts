import { createReadStream } from 'node:fs';
import type { MessagePort } from 'node:worker_threads';
import { portForRole } from '../workers/start-bundled-worker';
import { parseSource, type ParsedSource } from './parse-source';

/**
 * Worker side of parse-in-worker.ts, bundled on its own as
 * dist/main/parse-worker.cjs. It parses one file per request; attachments
 * are only hashed and measured (their bytes stay in the file), except
 * cid: images, which are embedded in the HTML as data: URLs.
 */
export interface ParseRequest {
  id: number;
  path: string;
  options?: FileParseOptions;
}

export interface FileParseOptions {
  /** Parse only the file's first bytes (the search index needs the text parts, which come first). */
  headBytes?: number;
  /** cid: images as data: URLs in the HTML (for reading; the default), or left as they are. */
  embedInlineImages?: boolean;
}

/** A file as parseSource reads it, under these options. */
export function parseFileWith(path: string, options: FileParseOptions = {}): Promise<ParsedSource> {
  const end = options.headBytes === undefined ? undefined : options.headBytes - 1;
  return parseSource(createReadStream(path, { end }), { embedInlineImages: options.embedInlineImages ?? true });
}

export type ParseResponse = { id: number; ok: true; result: ParsedSource } | { id: number; ok: false; error: string };

/** Marks a Worker started by ParsePool, so this module never answers another thread's port. */
export const PARSE_WORKER_ROLE = 'wren-parse-worker';

export function serveParseRequests(port: MessagePort): void {
  port.on('message', (request: ParseRequest) => {
    parseFileWith(request.path, request.options).then(
      (result) => port.postMessage({ id: request.id, ok: true, result } satisfies ParseResponse),
      (error: unknown) => port.postMessage({ id: request.id, ok: false, error: String(error) } satisfies ParseResponse),
    );
  });
}

const port = portForRole(PARSE_WORKER_ROLE);
if (port) serveParseRequests(port);
