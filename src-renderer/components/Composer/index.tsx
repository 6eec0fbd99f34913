import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { SEND_PRIORITIES, type AccountView, type IdentityView } from '../../../src-main/ipc/contract';
import { uploadFiles } from '../../client/stage-files';
import { useT } from '../../i18n/i18n-context';
import type { Translate } from '../../i18n/translate';
import { AddressField } from './address-field';
import { AttachmentField, useFileDrop } from './attachment-field';
import { textToEditorHtml } from './compose-html';
import { hasRecipients, invalidAddresses, type ComposerState } from './composer-state';
import { FromField } from './from-field';
import { swapHtmlSignature } from './html-signature-swap';
import { quotedPart, swapSignature } from './signature-swap';
import { findIdentity, useIdentities } from './use-identities';
import { RichTextEditor } from './rich-text-editor';
import { SendLater } from './send-later';
import { WasScheduledNote } from './was-scheduled-note';
import { SaveTemplateButton } from './save-template-button';
import { useDraftAutosave, type SaveStatus } from './use-draft-autosave';
import { nextSendQuestion, type SendAnswers, type SendQuestion } from './send-questions';
import { AttachmentReminder } from './attachment-reminder-bar';
import { SubjectReminder } from './subject-reminder-bar';
import { useSettings } from '../../settings/settings-context';
import { keyWords } from '../../shortcuts/key-words';
import './composer.css';

interface ComposerProps {
  initial: ComposerState;
  accounts: AccountView[];
  /** Hands the message over to be sent (now, or at `sendAt`): the composer closes at once, the state follows any save under way. */
  onSend(state: Promise<ComposerState>, sendAt: number | null): void;
  /** Closed; `state` is the last one (saved as a draft unless discarded). */
  onClose(): void;
  /** Discarded: `state` follows any save under way, whose new version is the one to remove; `quietly`: nothing said (a template saved over). */
  onDiscard(state: Promise<ComposerState>, quietly?: boolean): void;
  /** Reopened from localStorage (after a reload): saved again soon, it may hold typing the server has not got. */
  restored: boolean;
}

const STATUS_WORDS = {
  unsaved: 'compose.status.unsaved',
  saving: 'compose.status.saving',
  saved: 'compose.status.saved',
  queued: 'compose.status.queued',
  failed: 'compose.status.failed',
} as const satisfies Record<SaveStatus, string>;

/**
 * Tab from the subject goes on to the text, as in Thunderbird, not through the format options between them
 * (Shift+Tab from the text still reaches them).
 */
function tabToBody(event: KeyboardEvent<HTMLInputElement>) {
  if (event.key !== 'Tab' || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey) return;
  const text = event.currentTarget.closest('.composer')?.querySelector<HTMLElement>('.composer__body');
  if (!text) return;
  event.preventDefault();
  text.focus();
}

/** As the textarea's autofocus: a reply below the quote starts after it; else the text starts at its top once To is filled (else To has the focus). */
function editorCaretOnOpen(writeAt: number | null, hasRecipients: boolean): 'top' | 'belowQuote' | undefined {
  if (writeAt !== null) return 'belowQuote';
  return hasRecipients ? 'top' : undefined;
}

/** Thunderbird's composer keys for the copy fields; outside the composer Ctrl+Shift+B is the Address Book. */
const COPY_FIELD_KEYS: Partial<Record<string, 'cc' | 'bcc'>> = { KeyC: 'cc', KeyB: 'bcc' };

/** What still stops Send, in words: the invalid addresses there are now, or no recipient while there is none. */
function problemText(problem: 'invalidAddresses' | 'noRecipients' | null, state: ComposerState, t: Translate): string | null {
  const invalid = invalidAddresses(state);
  if (problem === 'invalidAddresses' && invalid.length) return t('compose.fixAddresses', { addresses: invalid.map((c) => c.address).join(', ') });
  if (problem === 'noRecipients' && !hasRecipients(state)) return t('compose.noRecipients');
  return null;
}

/** Writing one message: a panel over the mail, saved as a draft as it is written. */
export function Composer({ initial, accounts, onSend, onClose, onDiscard, restored }: ComposerProps) {
  const t = useT();
  const [state, setState] = useState(initial);
  const [showCopies, setShowCopies] = useState(initial.cc.length > 0 || initial.bcc.length > 0);
  const [copyFieldAsked, setCopyFieldAsked] = useState<'cc' | 'bcc' | null>(null);
  const panel = useRef<HTMLElement>(null);
  // Focused once drawn: a field shown by the same key press is not there yet.
  useEffect(() => {
    if (!copyFieldAsked) return;
    panel.current?.querySelector<HTMLElement>(`[data-testid="compose-${copyFieldAsked}"] input`)?.focus();
    setCopyFieldAsked(null);
  }, [copyFieldAsked]);
  // Why Send was refused, said as long as it still holds: it goes once the recipients are fixed.
  const [problem, setProblem] = useState<'invalidAddresses' | 'noRecipients' | null>(null);
  // Ctrl+Enter in an address field: sent once the field's typed address is a chip in the state.
  const [sendAsked, setSendAsked] = useState(false);
  // Sending held by a question (no subject, a file forgotten): which, when the user chose to send, what was answered before it.
  const [held, setHeld] = useState<{ question: SendQuestion; sendAt: number | null; answers: SendAnswers } | null>(null);
  const subjectInput = useRef<HTMLInputElement>(null);
  const { settings } = useSettings();
  const setDraftId = useCallback((draftMessageId: number) => setState((s) => ({ ...s, draftMessageId })), []);
  const draft = useDraftAutosave(state, setDraftId, restored);
  const update = (change: Partial<ComposerState>) => setState((s) => ({ ...s, ...change }));
  const identities = useIdentities(accounts);
  // The rich editor keeps its own document: a signature swapped in its HTML is loaded into a new one.
  const [editorKey, setEditorKey] = useState(0);
  // A reply below the quote starts after it, when the composer opens on it (not on a reload, whose text has moved on).
  const writeAt = restored ? null : initial.writeAt;
  const body = useRef<HTMLTextAreaElement>(null);
  // Where the formatted editor the composer opens with puts the caret, as the textarea would; not when remade for a new signature.
  const richCaretOnOpen = initial.html === null || editorKey > 0 ? undefined : editorCaretOnOpen(writeAt, state.to.length > 0);
  useEffect(() => {
    if (writeAt === null || !body.current) return;
    // The caret first: focusing then scrolls it into view.
    body.current.setSelectionRange(writeAt, writeAt);
    body.current.focus();
    // Once, on opening.
  }, []);
  // What the core quoted below the signature when it filled the composer in (an answer's or forward's original).
  const originalQuoted = () => quotedPart(initial.text, findIdentity(identities, initial.accountId, initial.identityId)?.signature);
  const chooseIdentity = (chosen: IdentityView) => {
    if (state.html !== null) setEditorKey((key) => key + 1);
    setState((s) => {
      const previous = findIdentity(identities, s.accountId, s.identityId)?.signature;
      const identity = { accountId: chosen.accountId, identityId: chosen.id };
      // The plain alternative still had the old signature: none now, so it is made from the HTML when sent (the editor's next change gives it again).
      if (s.html !== null) return { ...s, ...identity, html: swapHtmlSignature(s.html, previous, chosen.signature), text: '' };
      // A reply below the quote keeps its signature last: one added where there was none goes at the end, not above the quote.
      return { ...s, ...identity, text: swapSignature(s.text, previous, chosen.signature, initial.writeAt === null ? originalQuoted() : '') };
    });
  };
  const signature = findIdentity(identities, state.accountId, state.identityId)?.signature;
  const drop = useFileDrop((files) => void uploadFiles(files).then((added) => setState((s) => ({ ...s, attachments: [...s.attachments, ...added] }))));

  const send = (sendAt: number | null, answers: SendAnswers = {}) => {
    if (invalidAddresses(state).length) return setProblem('invalidAddresses');
    if (!hasRecipients(state)) return setProblem('noRecipients');
    setProblem(null);
    const question = nextSendQuestion(state, answers, settings.app.attachmentReminder, originalQuoted);
    if (question) return setHeld({ question, sendAt, answers });
    setHeld(null);
    draft.settle();
    onSend(draft.settled(), sendAt);
  };
  useEffect(() => {
    if (!sendAsked) return;
    setSendAsked(false);
    send(null);
  }, [sendAsked]);
  const problemWords = problemText(problem, state, t);
  // "Send anyway" to the question asked: sending goes on to the next one, if any.
  const sendAnyway = () => held && send(held.sendAt, { ...held.answers, [held.question.kind]: true });
  const close = () => void draft.save().then(onClose);
  const showCopyField = (field: 'cc' | 'bcc') => {
    setShowCopies(true);
    setCopyFieldAsked(field);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      setSendAsked(true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if ((event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && COPY_FIELD_KEYS[event.code]) {
      event.preventDefault();
      event.stopPropagation();
      showCopyField(COPY_FIELD_KEYS[event.code]!);
    }
  };
  const pasteImage = async (file: File) => {
    const [staged] = await uploadFiles([file], true);
    if (!staged?.contentId) return null;
    setState((s) => ({ ...s, attachments: [...s.attachments, staged] }));
    const preview = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsDataURL(file);
    });
    return { cid: staged.contentId, preview };
  };

  return (
    <section
      ref={panel}
      className={`composer${drop.over ? ' composer--drop' : ''}`}
      role="dialog"
      aria-modal="false"
      aria-label={state.subject || t('compose.newMessage')}
      data-testid="composer"
      onKeyDown={onKeyDown}
      {...drop.handlers}
    >
      <header className="composer__header">
        <h2>{state.origin?.kind === 'template' ? t('compose.templateHeading', { subject: state.subject || t('compose.newMessage') }) : state.subject || t('compose.newMessage')}</h2>
        <span className="composer__status" data-testid="compose-status" data-status={draft.status}>{t(STATUS_WORDS[draft.status])}</span>
        <button type="button" onClick={close} aria-label={t('compose.close')} data-testid="compose-close">×</button>
      </header>
      {initial.wasScheduledFor !== undefined && <WasScheduledNote at={initial.wasScheduledFor} />}
      <FromField identities={identities} accountId={state.accountId} identityId={state.identityId} onChange={chooseIdentity} />
      <AddressField label={t('compose.to')} chips={state.to} onChange={(to) => update({ to })} testId="compose-to" autoFocus={state.to.length === 0} />
      {showCopies ? (
        <>
          <AddressField label={t('compose.cc')} chips={state.cc} onChange={(cc) => update({ cc })} testId="compose-cc" />
          <AddressField label={t('compose.bcc')} chips={state.bcc} onChange={(bcc) => update({ bcc })} testId="compose-bcc" />
        </>
      ) : (
        // On the press, not the click: leaving To makes its typed address a chip, which can move this button from under the pointer.
        <button type="button" className="composer__copies" onMouseDown={(event) => { event.preventDefault(); showCopyField('cc'); }} onClick={() => showCopyField('cc')}
          title={t('compose.addCcKeys', { cc: keyWords('Mod+Shift+C', t), bcc: keyWords('Mod+Shift+B', t) })} data-testid="compose-show-cc">{t('compose.addCc')}</button>
      )}
      <label className="composer__row">
        <span className="composer__label">{t('compose.subject')}</span>
        <input ref={subjectInput} value={state.subject} onChange={(event) => update({ subject: event.target.value.replace(/[\r\n]+/g, ' ') })} onKeyDown={tabToBody} data-testid="compose-subject" />
      </label>
      <div className="composer__format">
        <label>
          <input
            type="checkbox"
            checked={state.html !== null}
            data-testid="compose-formatted"
            onChange={(event) => update({ html: event.target.checked ? textToEditorHtml(state.text, signature) : null })}
          />{' '}
          {t('compose.formatted')}
        </label>
        <label title={t('compose.requestReceiptHint')}>
          <input type="checkbox" checked={state.requestReceipt} data-testid="compose-receipt" onChange={(event) => update({ requestReceipt: event.target.checked })} />{' '}
          {t('compose.requestReceipt')}
        </label>
        <label>
          {t('compose.priority')}{' '}
          <select value={state.priority} data-testid="compose-priority" onChange={(event) => update({ priority: event.target.value as ComposerState['priority'] })}>
            {SEND_PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {t(`compose.priority.${priority}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {state.html === null ? (
        <textarea
          ref={body}
          className="composer__body"
          value={state.text}
          onChange={(event) => update({ text: event.target.value })}
          aria-label={t('compose.body')}
          data-testid="compose-body"
          autoFocus={state.to.length > 0 && writeAt === null}
        />
      ) : (
        <RichTextEditor
          key={editorKey}
          initialHtml={state.html}
          onChange={(html, text) => update({ html, text })}
          onPasteImage={pasteImage}
          caretOnOpen={richCaretOnOpen}
        />
      )}
      <AttachmentField
        attachments={state.attachments}
        onAdd={(added) => setState((s) => ({ ...s, attachments: [...s.attachments, ...added] }))}
        onRemove={(stagedId) => setState((s) => ({ ...s, attachments: s.attachments.filter((a) => a.stagedId !== stagedId) }))}
      />
      {problemWords && <p className="composer__problem" role="alert" data-testid="compose-problem">{problemWords}</p>}
      {held?.question.kind === 'noSubject' && !state.subject.trim() && (
        <SubjectReminder onSendAnyway={sendAnyway} onWriteSubject={() => { setHeld(null); subjectInput.current?.focus(); }} />
      )}
      {held?.question.kind === 'attachment' && !state.attachments.some((attachment) => !attachment.contentId) && (
        <AttachmentReminder words={held.question.words} onSendAnyway={sendAnyway} onForgot={() => setHeld(null)} />
      )}
      <footer className="composer__actions">
        <button type="button" className="primary composer__send" onClick={() => send(null)} title={t('compose.sendHint')} data-testid="compose-send">{t('compose.send')}</button>
        <SendLater onSchedule={(at) => send(at)} initialAt={initial.wasScheduledFor} />
        <button type="button" onClick={() => void draft.save()} data-testid="compose-save">{t('compose.save')}</button>
        <SaveTemplateButton state={state} onReplaced={() => { draft.settle(); onDiscard(draft.settled(), true); }} />
        <span className="composer__spacer" />
        <button type="button" className="composer__discard" onClick={() => { draft.settle(); onDiscard(draft.settled()); }} data-testid="compose-discard">{t('compose.discard')}</button>
      </footer>
    </section>
  );
}
