import type { WrenBridge } from '../../src-main/ipc/contract';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the web mode. */
    wren?: WrenBridge;
  }
}
