import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, result: 'r' })), on: vi.fn(), off: vi.fn() },
}));
vi.mock('electron', () => electron);

describe('preload bridge', async () => {
  await import('../../../src-main/preload/preload');
  const [name, bridge] = electron.contextBridge.exposeInMainWorld.mock.calls[0]!;

  it('exposes one frozen object, window.wren, and nothing else', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(name).toBe('wren');
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(bridge).sort()).toEqual(['on', 'request']);
  });

  it('passes contract methods to their channel and refuses anything else without touching IPC', async () => {
    await expect(bridge.request('accounts.list', {})).resolves.toEqual({ ok: true, result: 'r' });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('wren:request:accounts.list', {});
    electron.ipcRenderer.invoke.mockClear();
    await expect(bridge.request('fs.readFile', {})).resolves.toMatchObject({ ok: false, error: { code: 'UnknownMethod' } });
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('subscribes only to contract events', () => {
    expect(() => bridge.on('process.exit', () => undefined)).toThrow(/Unknown event/);
    const off = bridge.on('store.changed', () => undefined);
    expect(electron.ipcRenderer.on).toHaveBeenCalledWith('wren:event', expect.any(Function));
    off();
    expect(electron.ipcRenderer.off).toHaveBeenCalled();
  });
});
