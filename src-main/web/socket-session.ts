import type { WebSocket } from 'ws';
import { toErrorShape } from '../errors/wren-error';
import { EVENT_NAMES, type Reply } from '../ipc/contract';
import { dispatch, type Handlers } from '../ipc/dispatch';
import type { EventBus } from '../app/event-bus';

/** One browser tab: requests in, replies and events out, over one WebSocket. */
export function serveSocket(socket: WebSocket, handlers: Handlers, events: EventBus): void {
  const send = (message: unknown) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const unsubscribe = events.onAny((event, payload) => send({ event, payload }), EVENT_NAMES);
  socket.on('close', unsubscribe);
  socket.on('message', async (data, isBinary) => {
    const request = isBinary ? null : parseRequest(data.toString());
    if (!request) {
      send({ id: null, reply: { ok: false, error: { code: 'BadRequest', message: 'Each message must be JSON {id, method, params}.' } } });
      return;
    }
    let reply: Reply;
    try {
      reply = { ok: true, result: (await dispatch(handlers, request.method, request.params)) as never };
    } catch (error) {
      reply = { ok: false, error: toErrorShape(error) };
    }
    send({ id: request.id, reply });
  });
}

function parseRequest(text: string): { id: number; method: unknown; params: unknown } | null {
  try {
    const value = JSON.parse(text) as { id?: unknown; method?: unknown; params?: unknown };
    if (typeof value !== 'object' || value === null || typeof value.id !== 'number') return null;
    return { id: value.id, method: value.method, params: value.params };
  } catch {
    return null;
  }
}
