import { ElectronClient } from './electron-client';
import { WebClient } from './web-client';
import type { WrenClient } from './wren-client';

export function createClient(): WrenClient {
  if (window.wren) return new ElectronClient(window.wren);
  return new WebClient({ url: pageRelativeSocketUrl() });
}

/**
 * `api/ws` beside the page: the web mode serves the app and its API only
 * under a secret path, the path of its cookie (src-main/web/web-auth.ts).
 */
function pageRelativeSocketUrl(): string {
  const url = new URL('api/ws', location.href);
  url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}
