import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { toErrorShape } from '../errors/wren-error';
import { EVENT_NAMES, METHODS, type Reply } from '../ipc/contract';
import { dispatch, type Handlers } from '../ipc/dispatch';
import type { EventBus } from '../app/event-bus';
import { isAppUrl } from './app-protocol';

export const REQUEST_CHANNEL_PREFIX = 'wren:request:';
export const EVENT_CHANNEL = 'wren:event';

/** Only our own page (app://wren/, the window's top frame) may call the core: not a frame, not a page navigated elsewhere. */
export function fromAppPage(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, window: BrowserWindow): boolean {
  const frame = event.senderFrame;
  return event.sender === window.webContents && !!frame && frame.parent === null && isAppUrl(frame.url);
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
