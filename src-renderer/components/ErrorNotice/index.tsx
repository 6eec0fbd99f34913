import type { ErrorShape } from '../../../src-main/errors/error-codes';
import type { ErrorContext } from '../../i18n/error-words';
import { useI18n } from '../../i18n/i18n-context';
import './error-notice.css';

interface ErrorNoticeProps {
  error: ErrorShape;
  testId?: string;
  context?: ErrorContext;
  /** The sentence only: where the specifics are shown apart (a banner's certificate, behind its Details). */
  headlineOnly?: boolean;
}

/**
 * An error in the user's language: the sentence for its code, then any
 * specifics. `context` 'background' is for an account that worked before (no setup advice).
 */
export function ErrorNotice({ error, testId, context, headlineOnly = false }: ErrorNoticeProps) {
  const { errorWords } = useI18n();
  const [headline, ...rest] = errorWords(error, context);
  const specifics = headlineOnly ? [] : rest;
  return (
    <div className="error-notice" role="alert" data-testid={testId} data-error-code={error.code}>
      <p className="error-notice__headline">{headline}</p>
      {specifics.map((line) => (
        <p key={line} className="error-notice__specific">
          {line}
        </p>
      ))}
    </div>
  );
}
