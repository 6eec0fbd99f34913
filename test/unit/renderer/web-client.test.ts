// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClientError } from '../../../src-renderer/client/wren-client';
import { WebClient, type SocketLike } from '../../../src-renderer/client/web-client';

/** Plays the server's end of the socket. */
class FakeSocket implements SocketLike {
  readyState = 0;
  readonly sent: unknown[] = [];
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;

  constructor(readonly url: string) {}

  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }

  close(): void {
    this.drop();
  }

  open(): void {
    this.readyState = 1;
    this.onopen?.call(this as unknown as WebSocket, new Event('open'));
  }

  receive(frame: unknown): void {
    const data = typeof frame === 'string' ? frame : JSON.stringify(frame);
    this.onmessage?.call(this as unknown as WebSocket, { data } as MessageEvent);
  }

  drop(): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.onclose?.call(this as unknown as WebSocket, new Event('close') as CloseEvent);
  }
}

let sockets: FakeSocket[];
let client: WebClient;
const latest = () => sockets.at(-1)!;

beforeEach(() => {
  vi.useFakeTimers();
  sockets = [];
  client = new WebClient({
    url: 'ws://127.0.0.1:4000/api/ws',
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    firstRetryDelayMs: 100,
    maxRetryDelayMs: 1000,
  });
});

afterEach(() => {
  client.dispose();
  vi.useRealTimers();
});

describe('WebClient', () => {
  it('connects to the given URL and queues requests until the socket opens', () => {
    client.request('accounts.list', {}).catch(() => {}); // never answered; dispose() fails it
    expect(latest().url).toBe('ws://127.0.0.1:4000/api/ws');
    expect(latest().sent).toEqual([]);
    latest().open();
    expect(latest().sent).toEqual([{ id: 1, method: 'accounts.list', params: {} }]);
  });

  it('matches replies to requests by id, whatever their order', async () => {
    latest().open();
    const folders = client.request('folders.list', { accountId: 1 });
    const info = client.request('app.info', {});
    const [first, second] = latest().sent as { id: number }[];
    latest().receive({ id: second!.id, reply: { ok: true, result: { version: '1', mode: 'web', dataDir: '/d' } } });
    latest().receive({ id: first!.id, reply: { ok: true, result: [] } });
    await expect(folders).resolves.toEqual([]);
    await expect(info).resolves.toMatchObject({ version: '1' });
  });

  it('turns an error reply into a ClientError carrying the code and details', async () => {
    latest().open();
    const test = client.request('messages.read', { messageId: 9 });
    latest().receive({ id: 1, reply: { ok: false, error: { code: 'NotFound', message: 'no message 9', details: { messageId: 9 } } } });
    const error = await test.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ClientError);
    expect(error).toMatchObject({ code: 'NotFound', message: 'no message 9', details: { messageId: 9 } });
  });

  it('rejects pending requests with ConnectionLost when the socket closes', async () => {
    const connection = vi.fn();
    client.onConnectionChange(connection);
    latest().open();
    const pending = client.request('accounts.list', {});
    latest().drop();
    await expect(pending).rejects.toMatchObject({ code: 'ConnectionLost' });
    expect(connection).toHaveBeenCalledWith(false);
  });

  it('reconnects with growing delays and resumes delivering events', () => {
    const connection = vi.fn();
    const listener = vi.fn();
    client.on('sync.progress', listener);
    client.onConnectionChange(connection);
    latest().open();
    latest().drop();
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(100);
    expect(sockets).toHaveLength(2);
    latest().drop(); // the server is still down
    vi.advanceTimersByTime(199);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);

    latest().open();
    expect(connection).toHaveBeenLastCalledWith(true);
    const progress = { accountId: 1, folderPath: 'INBOX', phase: 'headers', done: 5, total: 10 };
    latest().receive({ event: 'sync.progress', payload: progress });
    expect(listener).toHaveBeenCalledWith(progress);
  });

  it('sends requests made while reconnecting once the new socket opens', async () => {
    latest().open();
    latest().drop();
    const later = client.request('accounts.list', {});
    vi.advanceTimersByTime(100);
    latest().open();
    expect(latest().sent).toEqual([{ id: 1, method: 'accounts.list', params: {} }]);
    latest().receive({ id: 1, reply: { ok: true, result: [] } });
    await expect(later).resolves.toEqual([]);
  });

  it('delivers events only to current listeners and ignores malformed frames', () => {
    const listener = vi.fn();
    const unsubscribe = client.on('store.changed', listener);
    latest().open();
    latest().receive('not json');
    latest().receive({ event: 'made.up', payload: {} });
    latest().receive({ id: 'x', reply: { ok: true, result: 1 } });
    latest().receive({ event: 'store.changed', payload: { changes: [] } });
    unsubscribe();
    latest().receive({ event: 'store.changed', payload: { changes: [] } });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('downloads an attachment through a same-origin link', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.getAttribute('href')).toBe('api/attachment?messageId=12&partId=1.2');
      expect(this.hasAttribute('download')).toBe(true);
    });
    await client.saveAttachment(12, '1.2');
    expect(click).toHaveBeenCalledTimes(1);
    expect(document.querySelector('a')).toBeNull();
    click.mockRestore();
  });

  it('opens an image, a PDF or plain text in a tab of its own, and downloads any other attachment', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    const clicked: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.getAttribute('href')!);
    });
    await client.openAttachment(12, { partId: '2', contentType: 'text/plain; charset=gbk' });
    await client.openAttachment(12, { partId: '3', contentType: 'IMAGE/PNG' });
    expect(open.mock.calls).toEqual([
      ['api/attachment?messageId=12&partId=2&view=1', '_blank', 'noopener'],
      ['api/attachment?messageId=12&partId=3&view=1', '_blank', 'noopener'],
    ]);
    for (const contentType of ['text/html', 'image/svg+xml', 'application/zip']) await client.openAttachment(12, { partId: '4', contentType });
    expect(open).toHaveBeenCalledTimes(2);
    expect(clicked).toEqual(Array(3).fill('api/attachment?messageId=12&partId=4'));
    open.mockRestore();
    click.mockRestore();
  });
});
