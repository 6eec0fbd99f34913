import type { EventName, Events, Method, ParamsOf, Reply, ResultOf } from '../../src-main/ipc/contract';
import type { ErrorCode, ErrorShape } from '../../src-main/errors/error-codes';

/** What an import did: messages added, and those the folder held already (byte for byte) and were skipped. */
export interface ImportCount {
  imported: number;
  skipped: number;
}

/**
 * The one interface the UI talks to, whatever carries the requests
 * (Electron IPC or the loopback WebSocket).
 */
export interface WrenClient {
  /** Resolves with the result; rejects with a ClientError when the core answers `{ok: false}`. */
  request<M extends Method>(method: M, params: ParamsOf<M>): Promise<ResultOf<M>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
  /** Electron asks where to save; the web mode lets the browser download it. */
  saveAttachment(messageId: number, partId: string): Promise<void>;
  /** Every listed attachment: Electron asks for a folder; the web mode downloads them one by one. */
  saveAllAttachments(messageId: number, partIds: string[]): Promise<void>;
  /**
   * Electron hands a copy to the OS's application for it; the web mode shows it in a browser tab
   * (images, PDF, plain text) or downloads it. Call it straight from the click: a browser lets a
   * page open a tab only while the user's click is fresh.
   */
  openAttachment(messageId: number, attachment: { partId: string; contentType: string }): Promise<void>;
  /** A folder as an mbox file: Electron asks where to save; the web mode lets the browser download it. */
  exportFolder(folderId: number): Promise<void>;
  /** The whole message as a .eml file: a save dialog in Electron, a download in the browser. */
  saveMessage(messageId: number): Promise<void>;
  /** Mail files into a folder, chosen in an open dialog (the web mode uploads them); null when none were chosen. */
  importIntoFolder: ((folderId: number) => Promise<ImportCount | null>) | null;
  /**
   * Fires when the link to the core drops or comes back. Electron's IPC never
   * drops; the web mode's socket can, and events sent meanwhile are lost, so
   * the UI reloads what it shows when the link returns.
   */
  onConnectionChange(listener: (connected: boolean) => void): () => void;
  readonly mode: 'electron' | 'web';
}

export class ClientError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(shape: ErrorShape) {
    super(shape.message);
    this.name = 'ClientError';
    this.code = shape.code;
    if (shape.details) this.details = shape.details;
  }

  toShape(): ErrorShape {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

/** Anything a request can throw, as an ErrorShape the i18n layer can put into words. */
export function toErrorShape(error: unknown): ErrorShape {
  if (error instanceof ClientError) return error.toShape();
  return { code: 'Internal', message: error instanceof Error ? error.message : String(error) };
}

export function unwrapReply<M extends Method>(reply: Reply<M>): ResultOf<M> {
  if (reply.ok) return reply.result;
  throw new ClientError(reply.error);
}
