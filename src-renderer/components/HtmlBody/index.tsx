import { useMemo, useState } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { formatSize } from '../../format/format-size';
import { FIRST_SLICE_CHARS, htmlPrefix, nextSliceLimit } from './html-slice';
import { mailDocument } from './mail-document';
import { sanitizeMailHtml } from './sanitize-mail-html';
import './html-body.css';

/**
 * A mail's HTML, sanitized and shown in a sandboxed frame that may neither
 * run scripts nor reach Wren's page. Remote content stays blocked until the
 * user asks for it; the parent keys this component by message so that choice
 * never carries over to another mail. A very long mail is rendered in slices
 * (see html-slice.ts): its first part at once, the rest when asked for.
 */
export function HtmlBody({ html }: { html: string }) {
  const { t, locale } = useI18n();
  const [allowRemote, setAllowRemote] = useState(false);
  const [limit, setLimit] = useState(FIRST_SLICE_CHARS);
  const [showingRest, setShowingRest] = useState(false);
  const shown = useMemo(() => htmlPrefix(html, limit), [html, limit]);
  const complete = shown.length === html.length;
  const sanitized = useMemo(() => sanitizeMailHtml(shown, { allowRemote }), [shown, allowRemote]);
  const srcDoc = useMemo(() => mailDocument(sanitized.html, allowRemote), [sanitized.html, allowRemote]);
  const showNextSlice = () => setLimit(nextSliceLimit);
  const showTheRest = () => {
    setShowingRest(true);
    showNextSlice();
  };
  // Each further slice starts once the frame has shown the previous one, so the UI answers in between.
  const onFrameLoad = () => {
    if (showingRest && !complete) setTimeout(showNextSlice, 0);
  };
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
      {!complete && (
        <div className="html-body__partial-bar" role="status" data-testid="html-partial">
          <span>{t('html.partial', { shown: formatSize(shown.length, locale), total: formatSize(html.length, locale) })}</span>
          {!showingRest && (
            <button type="button" onClick={showTheRest} data-testid="show-rest">
              {t('html.showRest')}
            </button>
          )}
        </div>
      )}
      <iframe
        className="html-body__frame"
        title={t('html.frameTitle')}
        sandbox="allow-popups allow-popups-to-escape-sandbox"
        referrerPolicy="no-referrer"
        srcDoc={srcDoc}
        onLoad={onFrameLoad}
        data-testid="html-body"
      />
    </div>
  );
}
