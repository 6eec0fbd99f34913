import { createReadStream } from 'node:fs';
import type { MessagePort } from 'node:worker_threads';
import type { BodyText } from '../search/search-document';
import { searchDocument } from '../search/search-document';
import type { PendingEntry, SearchDocument } from '../store/search-repo';
import { portForRole } from '../workers/start-bundled-worker';
import { parseSource, type ParsedSource } from './parse-source';
import { readableText } from './readable-text';

/**
 * Worker side of parse-in-worker.ts, bundled on its own as
 * dist/main/parse-worker.cjs. It parses one file per request; attachments
 * are only hashed and measured (their bytes stay in the file), except
 * cid: images, which are embedded in the HTML as data: URLs. It also
 * prepares a message's search document from a cached HTML body (see
 * DocumentRequest), and an HTML body's text to read (PlainTextRequest):
 * html-to-text takes hundreds of ms on a big one.
 */
export interface ParseRequest {
  id: number;
  path: string;
  options?: FileParseOptions;
}

/** The search index's text of one message whose cached body the main process's indexer read. */
export interface DocumentRequest {
  id: number;
  document: { entry: PendingEntry; body: BodyText | null };
}

/** An HTML body as text to read (the reading pane's plain-text view; see readable-text.ts). */
export interface PlainTextRequest {
  id: number;
  plainText: { html: string };
}

/** Every request the worker answers. */
export type ParseWorkerRequest = ParseRequest | DocumentRequest | PlainTextRequest;

export interface FileParseOptions {
  /** Parse only the file's first bytes (the search index needs the text parts, which come first). */
  headBytes?: number;
  /** cid: images as data: URLs in the HTML (for reading; the default), or left as they are. */
  embedInlineImages?: boolean;
  /** Every text part read as this charset, whatever its label says (see ParseSourceOptions). */
  charset?: string;
}

/** A file as parseSource reads it, under these options. */
export function parseFileWith(path: string, options: FileParseOptions = {}): Promise<ParsedSource> {
  const end = options.headBytes === undefined ? undefined : options.headBytes - 1;
  return parseSource(createReadStream(path, { end }), { embedInlineImages: options.embedInlineImages ?? true, charset: options.charset });
}

export type ParseResponse = { id: number; ok: true; result: ParsedSource | SearchDocument | string } | { id: number; ok: false; error: string };

/** Marks a Worker started by ParsePool, so this module never answers another thread's port. */
export const PARSE_WORKER_ROLE = 'wren-parse-worker';

export function serveParseRequests(port: MessagePort): void {
  port.on('message', (request: ParseWorkerRequest) => {
    const work = workFor(request);
    work.then(
      (result) => port.postMessage({ id: request.id, ok: true, result } satisfies ParseResponse),
      (error: unknown) => port.postMessage({ id: request.id, ok: false, error: String(error) } satisfies ParseResponse),
    );
  });
}

function workFor(request: ParseWorkerRequest): Promise<ParsedSource | SearchDocument | string> {
  if ('document' in request) return Promise.resolve().then(() => searchDocument(request.document.entry, request.document.body));
  if ('plainText' in request) return Promise.resolve().then(() => readableText(request.plainText.html));
  return parseFileWith(request.path, request.options);
}

const port = portForRole(PARSE_WORKER_ROLE);
if (port) serveParseRequests(port);
