/**
 * The renderer's only door to the core: `window.wren`, a frozen object whose
 * methods accept nothing outside the contract's allow-lists. Runs sandboxed,
 * so it is bundled into one CommonJS file with no other require than electron.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_NAMES, METHODS } from '../ipc/channel-names';
import type { EventName, Method, Reply, WrenBridge } from '../ipc/contract';

const REQUEST_CHANNEL_PREFIX = 'wren:request:';
const EVENT_CHANNEL = 'wren:event';
const allowedMethods = new Set<string>(METHODS);
const allowedEvents = new Set<string>(EVENT_NAMES);

const bridge: WrenBridge = {
  request(method: Method, params: unknown): Promise<Reply> {
    if (!allowedMethods.has(method)) {
      return Promise.resolve({ ok: false, error: { code: 'UnknownMethod', message: `Unknown request ${String(method)}` } });
    }
    return ipcRenderer.invoke(REQUEST_CHANNEL_PREFIX + method, params) as Promise<Reply>;
  },
  on(event: EventName, listener: (payload: unknown) => void): () => void {
    if (!allowedEvents.has(event)) throw new Error(`Unknown event ${String(event)}`);
    const relay = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, relay);
    return () => ipcRenderer.off(EVENT_CHANNEL, relay);
  },
};

contextBridge.exposeInMainWorld('wren', Object.freeze(bridge));
