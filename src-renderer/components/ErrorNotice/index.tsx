import type { ErrorShape } from '../../../src-main/errors/error-codes';
import type { ErrorContext } from '../../i18n/error-words';
import { useI18n } from '../../i18n/i18n-context';
import './error-notice.css';

/**
 * An error in the user's language: the sentence for its code, then any
 * specifics. `context` 'background' is for an account that worked before (no setup advice).
 */
export function ErrorNotice({ error, testId, context }: { error: ErrorShape; testId?: string; context?: ErrorContext }) {
  const { errorWords } = useI18n();
  const [headline, ...specifics] = errorWords(error, context);
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
