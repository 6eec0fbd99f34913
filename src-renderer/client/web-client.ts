import { browserViewable, type EventName, type Events, type Method, type ParamsOf, type Reply, type ResultOf } from '../../src-main/ipc/contract';
import { ClientError, unwrapReply, type WrenClient } from './wren-client';
import { parseServerFrame } from './server-frames';
import { importChosenMailFiles } from './upload-mail-files';

/** The part of the browser's WebSocket this client uses, so tests can pass a fake. */
export type SocketLike = Pick<WebSocket, 'readyState' | 'send' | 'close' | 'onopen' | 'onmessage' | 'onclose' | 'onerror'>;

export interface WebClientOptions {
  url: string;
  createSocket?: (url: string) => SocketLike;
  /** The first reconnect waits this long, doubling after each failure up to maxRetryDelayMs. */
  firstRetryDelayMs?: number;
  maxRetryDelayMs?: number;
}

interface PendingRequest {
  settle(reply: Reply): void;
  fail(error: ClientError): void;
}

const SOCKET_OPEN = 1;

/**
 * Speaks to the loopback web server over one WebSocket: `{id, method, params}`
 * out, `{id, reply}` or `{event, payload}` back. Authentication is the cookie
 * the server set when the page was opened, so no token appears here.
 */
export class WebClient implements WrenClient {
  readonly mode = 'web' as const;
  private socket: SocketLike | null = null;
  private nextRequestId = 1;
  private readonly pending = new Map<number, PendingRequest>();
  /** Frames written before the socket opened; sent in order once it does. */
  private unsentFrames: string[] = [];
  private readonly eventListeners = new Map<EventName, Set<(payload: unknown) => void>>();
  private readonly connectionListeners = new Set<(connected: boolean) => void>();
  private connected = true;
  private failedAttempts = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;

  constructor(private readonly options: WebClientOptions) {
    this.connect();
  }

  request<M extends Method>(method: M, params: ParamsOf<M>): Promise<ResultOf<M>> {
    if (this.disposed) return Promise.reject(connectionLost('The client was closed.'));
    const id = this.nextRequestId++;
    return new Promise<ResultOf<M>>((resolve, reject) => {
      this.pending.set(id, {
        settle: (reply) => {
          try {
            resolve(unwrapReply(reply as Reply<M>));
          } catch (error) {
            reject(error);
          }
        },
        fail: reject,
      });
      this.sendOrQueue(JSON.stringify({ id, method, params }));
    });
  }

  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    const listeners = this.eventListeners.get(event) ?? new Set();
    this.eventListeners.set(event, listeners);
    const untyped = listener as (payload: unknown) => void;
    listeners.add(untyped);
    return () => listeners.delete(untyped);
  }

  onConnectionChange(listener: (connected: boolean) => void): () => void {
    this.connectionListeners.add(listener);
    return () => this.connectionListeners.delete(listener);
  }

  readonly importIntoFolder = importChosenMailFiles;

  async saveAttachment(messageId: number, partId: string): Promise<void> {
    download(`api/attachment?${new URLSearchParams({ messageId: String(messageId), partId }).toString()}`);
  }

  async saveAllAttachments(messageId: number, partIds: string[]): Promise<void> {
    for (const partId of partIds) await this.saveAttachment(messageId, partId);
  }

  async openAttachment(messageId: number, { partId, contentType }: { partId: string; contentType: string }): Promise<void> {
    const query = new URLSearchParams({ messageId: String(messageId), partId });
    if (!browserViewable(contentType)) return download(`api/attachment?${query.toString()}`);
    query.set('view', '1');
    // noopener: the tab gets no handle on this page (it is sandboxed and runs nothing anyway).
    window.open(`api/attachment?${query.toString()}`, '_blank', 'noopener');
  }

  async saveMessage(messageId: number): Promise<void> {
    download(`api/source?${new URLSearchParams({ messageId: String(messageId) }).toString()}`);
  }

  async exportFolder(folderId: number): Promise<void> {
    download(`api/export?${new URLSearchParams({ folderId: String(folderId) }).toString()}`);
  }

  /** Stops reconnecting and fails whatever is still waiting. */
  dispose(): void {
    this.disposed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const socket = this.socket;
    this.socket = null;
    socket?.close();
    this.failPending('The client was closed.');
  }

  private connect(): void {
    this.retryTimer = null;
    let socket: SocketLike;
    try {
      socket = (this.options.createSocket ?? openBrowserSocket)(this.options.url);
    } catch {
      this.handleClose(null);
      return;
    }
    this.socket = socket;
    socket.onopen = () => this.handleOpen();
    socket.onmessage = (event) => this.handleFrame(event.data);
    socket.onclose = () => this.handleClose(socket);
    socket.onerror = null; // a close event always follows an error; that is where we act
  }

  private sendOrQueue(frame: string): void {
    if (this.socket && this.socket.readyState === SOCKET_OPEN) this.socket.send(frame);
    else this.unsentFrames.push(frame);
  }

  private handleOpen(): void {
    this.failedAttempts = 0;
    const frames = this.unsentFrames;
    this.unsentFrames = [];
    for (const frame of frames) this.socket?.send(frame);
    this.setConnected(true);
  }

  private handleFrame(data: unknown): void {
    const frame = parseServerFrame(data);
    if (frame?.kind === 'reply') {
      const waiting = this.pending.get(frame.id);
      this.pending.delete(frame.id);
      waiting?.settle(frame.reply);
    } else if (frame?.kind === 'event') {
      for (const listener of this.eventListeners.get(frame.event) ?? []) listener(frame.payload);
    }
  }

  private handleClose(socket: SocketLike | null): void {
    if (socket && socket !== this.socket) return;
    this.socket = null;
    this.failPending('The connection to Wren was lost.');
    this.setConnected(false);
    if (!this.disposed) this.scheduleReconnect();
  }

  private failPending(message: string): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    this.unsentFrames = [];
    for (const request of waiting) request.fail(connectionLost(message));
  }

  private scheduleReconnect(): void {
    const first = this.options.firstRetryDelayMs ?? 500;
    const max = this.options.maxRetryDelayMs ?? 15_000;
    const delay = Math.min(max, first * 2 ** this.failedAttempts);
    this.failedAttempts += 1;
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  private setConnected(connected: boolean): void {
    if (this.connected === connected) return;
    this.connected = connected;
    for (const listener of this.connectionListeners) listener(connected);
  }
}

function openBrowserSocket(url: string): SocketLike {
  return new WebSocket(url);
}

function connectionLost(message: string): ClientError {
  return new ClientError({ code: 'ConnectionLost', message });
}

/**
 * Lets the browser download a file the server streams (the web mode's "save where the user chooses").
 * `href` is relative to the page: the API lives under the page's secret path.
 */
function download(href: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = '';
  document.body.append(link);
  link.click();
  link.remove();
}
