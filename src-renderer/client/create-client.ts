import { ElectronClient } from './electron-client';
import { WebClient } from './web-client';
import type { WrenClient } from './wren-client';

export function createClient(): WrenClient {
  if (window.wren) return new ElectronClient(window.wren);
  return new WebClient({ url: sameOriginSocketUrl() });
}

function sameOriginSocketUrl(): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/api/ws`;
}
