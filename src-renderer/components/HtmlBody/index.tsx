import { useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n-context';
import { mailDocument } from './mail-document';
import { sanitizeMailHtml } from './sanitize-mail-html';
import './html-body.css';

/**
 * A mail's HTML, sanitized and shown in a sandboxed frame that may neither
 * run scripts nor reach Wren's page. Remote content stays blocked until the
 * user asks for it; the parent keys this component by message so that choice
 * never carries over to another mail.
 */
export function HtmlBody({ html }: { html: string }) {
  const t = useT();
  const [allowRemote, setAllowRemote] = useState(false);
  const sanitized = useMemo(() => sanitizeMailHtml(html, { allowRemote }), [html, allowRemote]);
  const srcDoc = useMemo(() => mailDocument(sanitized.html, allowRemote), [sanitized.html, allowRemote]);
  return (
    <div className="html-body">
      {sanitized.blockedRemote && !allowRemote && (
        <div className="html-body__remote-bar" role="status" data-testid="remote-blocked">
          <span>{t('remote.blocked')}</span>
          <button type="button" onClick={() => setAllowRemote(true)} data-testid="load-remote">
            {t('remote.load')}
          </button>
        </div>
      )}
      <iframe
        className="html-body__frame"
        title={t('html.frameTitle')}
        sandbox="allow-popups allow-popups-to-escape-sandbox"
        referrerPolicy="no-referrer"
        srcDoc={srcDoc}
        data-testid="html-body"
      />
    </div>
  );
}
