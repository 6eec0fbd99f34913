import { describe, expect, it } from 'vitest';
import { nextSendQuestion } from '../../../src-renderer/components/Composer/send-questions';
import { fromComposed } from '../../../src-renderer/components/Composer/composer-state';
import { composedMessage } from './mail-fixtures';

const message = (subject: string, text: string) => fromComposed(composedMessage({ to: [{ name: '', address: 'bob@example.test' }], subject, text }));
const noQuote = () => '';

describe('what Send asks before the message goes', () => {
  it('no subject first (spaces are none), then a file mentioned but not attached, each only until answered', () => {
    const both = message('  ', 'The report is attached.');
    expect(nextSendQuestion(both, {}, true, noQuote)).toEqual({ kind: 'noSubject' });
    expect(nextSendQuestion(both, { noSubject: true }, true, noQuote)).toEqual({ kind: 'attachment', words: ['attached'] });
    expect(nextSendQuestion(both, { noSubject: true, attachment: true }, true, noQuote)).toBeNull();
  });

  it('nothing to ask of a message with a subject; the attachment reminder only when the setting has it', () => {
    expect(nextSendQuestion(message('Hi', 'See you.'), {}, true, noQuote)).toBeNull();
    expect(nextSendQuestion(message('Report', 'The report is attached.'), {}, false, noQuote)).toBeNull();
    expect(nextSendQuestion(message('', 'The report is attached.'), {}, false, noQuote)).toEqual({ kind: 'noSubject' });
  });
});
