import { useMemo, useRef, useState } from 'react';
import { useClient } from '../../client/client-context';
import { useT } from '../../i18n/i18n-context';
import { LongBodyBar } from '../LongBodyBar';
import { useSettings } from '../../settings/settings-context';
import { useFrameKeys } from './forward-frame-keys';
import { mailDocument } from './mail-document';
import { namesPlainHttpPictures } from './plain-http-pictures';
import { useSanitizedSlices } from './use-sanitized-slices';
import './html-body.css';
import '../../styles/notice-bar.css';

/**
 * The web server's address that opens Wren's composer from a mailto: link
 * (src-main/web/web-server.ts). The one route outside the app's secret path,
 * on purpose: it needs no cookie, and the mail's HTML (whose styles a sender
 * writes) must never hold that path.
 */
const MAILTO_PATH = '/api/mailto';

/**
 * The frame's sandbox: no allow-scripts, so nothing in the mail ever runs (its
 * own CSP and the sanitizer forbid scripts too); no allow-forms; links open as
 * popups outside the frame's restrictions (another app, or another tab).
 * allow-same-origin lets Wren's page, not the mail, listen to the keys pressed
 * in it (forward-frame-keys.ts). Never add allow-scripts to it: with
 * allow-same-origin a script could lift the sandbox and reach the page.
 */
export const MAIL_FRAME_SANDBOX = 'allow-same-origin allow-popups allow-popups-to-escape-sandbox';

/**
 * A mail's HTML, sanitized and shown in a sandboxed frame that may not run
 * scripts, so it cannot reach Wren's page. Remote content stays blocked until the
 * user asks for it; the parent keys this component by message so that choice
 * never carries over to another mail. A very long mail shows its first slice
 * at once and the rest when asked for (see use-sanitized-slices.ts).
 */
export function HtmlBody({ html, sender = '' }: { html: string; sender?: string }) {
  const t = useT();
  const { settings, update } = useSettings();
  const { remoteContent: policy, remoteContentSenders: allowed } = settings.app;
  const address = sender.trim().toLowerCase();
  const senderAllowed = policy === 'allowList' && address !== '' && allowed.includes(address);
  const [loadAsked, setLoadAsked] = useState(false);
  // Working offline, nothing goes out unasked, not even an allowed sender's pictures (Thunderbird's rule):
  // a user on a metered line or a plane chose no network. A click on Load still loads.
  const offline = settings.app.workOffline;
  // "Never load" wins over everything, even a choice made before the setting changed.
  const allowRemote = policy !== 'blocked' && (loadAsked || (senderAllowed && !offline));
  const alwaysFromSender = () => {
    setLoadAsked(true);
    if (!allowed.includes(address)) void update({ app: { remoteContentSenders: [...allowed, address] } });
  };
  const [wantAll, setWantAll] = useState(false);
  const mailtoRoute = useClient().mode === 'web' ? `${window.location.origin}${MAILTO_PATH}` : null;
  const body = useSanitizedSlices(html, { allowRemote, mailtoRoute }, wantAll);
  const srcDoc = useMemo(() => mailDocument(body.html, allowRemote), [body.html, allowRemote]);
  const plainHttp = useMemo(() => allowRemote && namesPlainHttpPictures(html), [html, allowRemote]);
  const frame = useRef<HTMLIFrameElement>(null);
  useFrameKeys(frame);
  return (
    <div className="html-body">
      {body.blockedRemote && !allowRemote && (
        <div className="notice-bar" role="status" data-testid="remote-blocked">
          <span>{t(senderAllowed ? 'remote.heldOffline' : 'remote.blocked')}</span>
          {policy !== 'blocked' && (
            <button type="button" onClick={() => setLoadAsked(true)} data-testid="load-remote">
              {t('remote.load')}
            </button>
          )}
          {policy === 'allowList' && address && !senderAllowed && (
            <button type="button" onClick={alwaysFromSender} data-testid="load-remote-always">
              {t('remote.alwaysFrom', { sender: address })}
            </button>
          )}
        </div>
      )}
      {plainHttp && (
        <div className="notice-bar" role="status" data-testid="remote-plain-http">
          <span>{t('remote.plainHttp')}</span>
        </div>
      )}
      {!body.complete && (
        <LongBodyBar
          shownBytes={body.firstChars}
          totalBytes={html.length}
          preparedPercent={wantAll ? Math.floor((100 * body.preparedChars) / html.length) : null}
          onShowRest={() => setWantAll(true)}
          testId="html-partial"
        />
      )}
      <iframe
        ref={frame}
        className="html-body__frame"
        title={t('html.frameTitle')}
        sandbox={MAIL_FRAME_SANDBOX}
        referrerPolicy="no-referrer"
        srcDoc={srcDoc}
        data-testid="html-body"
      />
    </div>
  );
}
