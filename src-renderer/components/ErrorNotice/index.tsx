import type { ErrorShape } from '../../../src-main/errors/error-codes';
import { useI18n } from '../../i18n/i18n-context';
import './error-notice.css';

/** An error in the user's language: the sentence for its code, then any specifics. */
export function ErrorNotice({ error, testId }: { error: ErrorShape; testId?: string }) {
  const { errorWords } = useI18n();
  const [headline, ...specifics] = errorWords(error);
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
