import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { toErrorShape } from '../errors/wren-error';
import { EVENT_NAMES, METHODS, type Reply } from '../ipc/contract';
import { dispatch, type Handlers } from '../ipc/dispatch';
import type { EventBus } from '../app/event-bus';

export const REQUEST_CHANNEL_PREFIX = 'wren:request:';
export const EVENT_CHANNEL = 'wren:event';

/** Only our own page (loaded from the app's files) may call the core. */
function fromAppPage(event: IpcMainInvokeEvent, window: BrowserWindow): boolean {
  return event.sender === window.webContents && (event.senderFrame?.url ?? '').startsWith('file://');
}

/** One IPC channel per contract method; replies carry errors as data so their codes survive IPC. */
export function bridgeIpc(window: BrowserWindow, handlers: Handlers, events: EventBus): () => void {
  for (const method of METHODS) {
    ipcMain.handle(REQUEST_CHANNEL_PREFIX + method, async (event, params: unknown): Promise<Reply> => {
      if (!fromAppPage(event, window)) return { ok: false, error: { code: 'Unauthorized', message: 'Request from an unknown page.' } };
      try {
        return { ok: true, result: (await dispatch(handlers, method, params)) as never };
      } catch (error) {
        return { ok: false, error: toErrorShape(error) };
      }
    });
  }
  const unsubscribe = events.onAny((name, payload) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, name, payload);
  }, EVENT_NAMES);
  return () => {
    unsubscribe();
    for (const method of METHODS) ipcMain.removeHandler(REQUEST_CHANNEL_PREFIX + method);
  };
}
