import { missingAttachmentWords } from './attachment-reminder';
import type { ComposerState } from './composer-state';

/** What Send asks before the message goes, in Thunderbird's order: no subject, then a file mentioned but not attached. */
export type SendQuestion = { kind: 'noSubject' } | { kind: 'attachment'; words: string[] };

/** The questions the user has already answered "send anyway" to, for this press of Send. */
export interface SendAnswers {
  noSubject?: boolean;
  attachment?: boolean;
}

/** The next question to ask before sending, or null to send. `quoted` is the original quoted in an answer (its words mention no file of this message). */
export function nextSendQuestion(state: ComposerState, answers: SendAnswers, remindOfFiles: boolean, quoted: () => string): SendQuestion | null {
  // Spaces alone are no subject either: the recipients would see none.
  if (!answers.noSubject && !state.subject.trim()) return { kind: 'noSubject' };
  if (answers.attachment || !remindOfFiles) return null;
  const words = missingAttachmentWords(state, quoted());
  return words.length ? { kind: 'attachment', words } : null;
}
