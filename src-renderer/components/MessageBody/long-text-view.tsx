import { useMemo, useState } from 'react';
import { LongBodyBar } from '../LongBodyBar';
import { BLOCK_CHARS, utf8Bytes } from './long-text';
import { useShownText } from './use-shown-text';

/**
 * A message's text (or its source) in a <pre>, as written. A long one is drawn in blocks, so no paragraph is
 * megabytes long, and only its first part at once, with the rest when asked for, as the HTML view does
 * (HtmlBody): a 4.6 MB mail of one line froze the window for minutes when it was drawn whole.
 */
export function LongText({ text, className = '', testId }: { text: string; className?: string; testId: string }) {
  // Asked for this text: another one (the same message read in another encoding) starts at its beginning again.
  const [allAskedFor, setAllAskedFor] = useState<string | null>(null);
  const shown = useShownText(text, allAskedFor === text);
  const totalBytes = useMemo(() => utf8Bytes(text), [text]);
  const shownBytes = useMemo(() => utf8Bytes(text, 0, shown.shownChars), [text, shown.shownChars]);
  const classes = `message-body__text ${className}`.trim();
  if (text.length <= BLOCK_CHARS) {
    return (
      <pre className={classes} data-testid={testId}>
        {text}
      </pre>
    );
  }
  return (
    <>
      {!shown.complete && (
        <LongBodyBar
          shownBytes={shownBytes}
          totalBytes={totalBytes}
          preparedPercent={allAskedFor === text ? Math.floor((100 * shown.shownChars) / text.length) : null}
          onShowRest={() => setAllAskedFor(text)}
          testId="text-partial"
        />
      )}
      <pre className={classes} data-testid={testId}>
        {shown.blocks.map((block, index) => (
          <span key={index} className="message-body__block">
            {block}
          </span>
        ))}
      </pre>
    </>
  );
}
