import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { toErrorShape } from '../errors/wren-error';
import { EVENT_NAMES, METHODS, type Method, type Reply } from '../ipc/contract';
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

interface BridgedWindow {
  window: BrowserWindow;
  /** Its own handlers: a save dialog, say, belongs to the window that asked. */
  handlers: Handlers;
}

/**
 * The core's contract over Electron IPC, for every window of the app (the
 * main one, and the messages opened in windows of their own): one channel per
 * contract method, registered once, answering a window it knows with that
 * window's handlers; every core event goes to every window. Replies carry
 * errors as data so their codes survive IPC.
 */
export class IpcBridge {
  private readonly windows = new Map<WebContents, BridgedWindow>();
  private readonly unsubscribe: () => void;

  constructor(events: EventBus) {
    for (const method of METHODS) ipcMain.handle(REQUEST_CHANNEL_PREFIX + method, (event, params: unknown) => this.answer(method, event, params));
    this.unsubscribe = events.onAny((name, payload) => {
      for (const { window } of this.windows.values()) if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, name, payload);
    }, EVENT_NAMES);
  }

  /** The window may call the core until the returned function is called (when it closes). */
  attach(window: BrowserWindow, handlers: Handlers): () => void {
    const contents = window.webContents;
    this.windows.set(contents, { window, handlers });
    return () => {
      if (this.windows.get(contents)?.window === window) this.windows.delete(contents);
    };
  }

  close(): void {
    this.unsubscribe();
    this.windows.clear();
    for (const method of METHODS) ipcMain.removeHandler(REQUEST_CHANNEL_PREFIX + method);
  }

  private async answer(method: Method, event: IpcMainInvokeEvent, params: unknown): Promise<Reply> {
    const bridged = this.windows.get(event.sender);
    if (!bridged || !fromAppPage(event, bridged.window)) return { ok: false, error: { code: 'Unauthorized', message: 'Request from an unknown page.' } };
    try {
      return { ok: true, result: (await dispatch(bridged.handlers, method, params)) as never };
    } catch (error) {
      return { ok: false, error: toErrorShape(error) };
    }
  }
}
