import { app, session, shell, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../security/content-security-policy';

const EXTERNAL_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** Links in mail and in the UI open in the system browser; nothing navigates the app window away. */
function openExternally(url: string): void {
  try {
    if (EXTERNAL_SCHEMES.has(new URL(url).protocol)) void shell.openExternal(url);
  } catch {
    // Not a URL: ignore it.
  }
}

function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openExternally(url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
}

/** Applies to every window and frame the app ever creates. */
export function installWindowSecurity(): void {
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}
