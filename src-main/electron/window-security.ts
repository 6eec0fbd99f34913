import { app, session, shell, type BrowserWindow, type BrowserWindowConstructorOptions, type WebContents } from 'electron';
import type { MailtoDraft } from '../ipc/contract';
import { parseMailto } from '../mailto/parse-mailto';
import { CONTENT_SECURITY_POLICY } from '../security/content-security-policy';
import { isAppUrl } from './app-protocol';
import { openedMessageOf } from '../ipc/message-window-hash';

const BROWSER_SCHEMES = new Set(['http:', 'https:']);

/** Frames the app's page legitimately loads: mail bodies are srcdoc frames; everything else is a navigation away. */
const FRAME_URLS = new Set(['about:srcdoc', 'about:blank']);

export interface WindowSecurityOptions {
  /** A mailto: link clicked in the app (in a message): Wren's own composer, never the OS with `attach=`. */
  onMailto: (draft: MailtoDraft) => void;
  /** How a message window is made (messageWindowOptions); without it, none opens. */
  messageWindow?: () => BrowserWindowConstructorOptions;
  /** A message window was made: it gets its share of the core (ipc-bridge.ts). */
  onMessageWindow?: (window: BrowserWindow) => void;
}

/**
 * The one window the app's page may open: itself, showing one message
 * (`app://wren/index.html#message=ID`, message-window-hash.ts). A mail's
 * link cannot ask for it: the sanitizer keeps no app: link (DOMPurify allows
 * none), and at worst such a window would show one of the user's own
 * messages, as the page's own windows do.
 */
export function isMessageWindowUrl(url: string): boolean {
  if (!isAppUrl(url)) return false;
  const parsed = new URL(url);
  return parsed.pathname === '/index.html' && parsed.search === '' && openedMessageOf(parsed.hash) !== null;
}

/** Web links open in the system browser; mailto: opens Wren's composer; nothing navigates the app window away. */
function openOutside(url: string, options: WindowSecurityOptions): void {
  const mailto = parseMailto(url);
  if (mailto) {
    options.onMailto(mailto);
    return;
  }
  try {
    if (BROWSER_SCHEMES.has(new URL(url).protocol)) void shell.openExternal(url);
  } catch {
    // Not a URL: ignore it.
  }
}

function lockDown(contents: WebContents, options: WindowSecurityOptions): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openOutside(url, options);
  });
  // Any frame, the main one included: only the app's own page and mail's srcdoc frames load.
  contents.on('will-frame-navigate', (event) => {
    if (FRAME_URLS.has(event.url) || (event.isMainFrame && isAppUrl(event.url))) return;
    event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (options.messageWindow && isMessageWindowUrl(url)) {
      return { action: 'allow', overrideBrowserWindowOptions: options.messageWindow() };
    }
    openOutside(url, options);
    return { action: 'deny' };
  });
  contents.on('did-create-window', (window) => options.onMessageWindow?.(window));
}

/** Applies to every window and frame the app ever creates. */
export function installWindowSecurity(options: WindowSecurityOptions): void {
  app.on('web-contents-created', (_event, contents) => lockDown(contents, options));
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  // Checks (navigator.permissions, some APIs ask before they request) are refused too, not only requests.
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}
