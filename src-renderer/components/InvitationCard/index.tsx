import { useEffect, useState } from 'react';
import { INVITATION_ANSWERS, type Invitation, type InvitationAnswer } from '../../../src-main/ipc/contract';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import { formatAddress } from '../../format/format-address';
import { useI18n } from '../../i18n/i18n-context';
import type { StringKey } from '../../i18n/en';
import { useToasts } from '../Toasts/toast-context';
import { eventTimeWords } from './event-time';
import { recurrenceWords } from './recurrence-words';
import './invitation-card.css';

const ANSWER_WORDS: Record<InvitationAnswer, StringKey> = { accepted: 'invitation.accept', tentative: 'invitation.tentative', declined: 'invitation.decline' };
const STATUS_WORDS: Record<string, StringKey> = {
  'needs-action': 'invitation.statusNeedsAction', accepted: 'invitation.statusAccepted', tentative: 'invitation.statusTentative',
  declined: 'invitation.statusDeclined', delegated: 'invitation.statusDelegated',
};

/**
 * A calendar invitation the open message carries, as Thunderbird's invitation bar shows it: what, when (in
 * the user's time), where, who invites, and Accept, Tentative or Decline, which answer the organizer. A
 * cancellation says so; a reply says how its attendee answered.
 */
/** `answered`: the message is \Answered (an answer went from here, or another client), so the card says so. */
export function InvitationCard({ messageId, answered = false }: { messageId: number; answered?: boolean }) {
  const client = useClient();
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  useEffect(() => {
    let current = true;
    // Unreadable now (offline, its part not downloaded): the message shows as it is, without the card.
    client.request('messages.invitation', { messageId }).then((found) => current && setInvitation(found), () => undefined);
    return () => {
      current = false;
    };
  }, [client, messageId]);
  return invitation ? <EventCard messageId={messageId} invitation={invitation} answeredBefore={answered} /> : null;
}

function EventCard({ messageId, invitation, answeredBefore }: { messageId: number; invitation: Invitation; answeredBefore: boolean }) {
  const { t, locale, language } = useI18n();
  const client = useClient();
  const toasts = useToasts();
  const [answered, setAnswered] = useState<InvitationAnswer | null>(null);
  const [sending, setSending] = useState(false);
  const answer = (choice: InvitationAnswer) => {
    setSending(true);
    client.request('messages.answerInvitation', { messageId, answer: choice, language }).then(
      () => {
        setAnswered(choice);
        toasts.show({ tone: 'info', lines: [{ key: 'invitation.sent', values: { organizer: invitation.organizer ? formatAddress(invitation.organizer) : '' } }] });
      },
      (error: unknown) => toasts.show({ tone: 'error', lines: [{ error: toErrorShape(error) }] }),
    ).finally(() => setSending(false));
  };
  const replier = invitation.method === 'REPLY' ? invitation.attendees[0] : undefined;
  const heading = invitation.cancelled ? 'invitation.cancelled' : replier ? 'invitation.reply' : 'invitation.heading';
  return (
    <section className={`invitation${invitation.cancelled ? ' invitation--cancelled' : ''}`} aria-label={t(heading)} data-testid="invitation">
      <p className="invitation__kind">📅 {t(heading)}</p>
      <h3 className="invitation__summary">{invitation.summary || t('messages.noSubject')}</h3>
      <dl className="invitation__facts">
        <dt>{t('invitation.when')}</dt>
        <dd data-testid="invitation-when">
          {eventTimeWords(invitation, locale)}
          {!invitation.repeats && invitation.recurring && ` (${t('invitation.recurring')})`}
        </dd>
        {invitation.repeats && (<><dt>{t('invitation.repeats')}</dt><dd data-testid="invitation-repeats">{recurrenceWords(invitation.repeats, invitation.allDay, t, locale)}</dd></>)}
        {invitation.location && (<><dt>{t('invitation.where')}</dt><dd>{invitation.location}</dd></>)}
        {invitation.organizer && (<><dt>{t('invitation.organizer')}</dt><dd>{formatAddress(invitation.organizer)}</dd></>)}
        {replier && (<><dt>{t('invitation.answer')}</dt><dd>{formatAddress(replier)}: {t(STATUS_WORDS[replier.status] ?? 'invitation.statusNeedsAction')}</dd></>)}
        {!replier && invitation.attendees.length > 0 && (
          <><dt>{t('invitation.attendees')}</dt><dd title={invitation.attendees.map(formatAddress).join('\n')}>{t('invitation.attendeeCount', { count: invitation.attendees.length })}</dd></>
        )}
      </dl>
      {answered ? (
        <p className="invitation__answered" role="status" data-testid="invitation-answered">{t('invitation.youAnswered', { status: t(STATUS_WORDS[answered]!) })}</p>
      ) : (
        invitation.canAnswer && (
          <div className="invitation__answers">
            {answeredBefore ? (
              <span className="invitation__status" data-testid="invitation-answered-before">{t('invitation.answeredBefore')}</span>
            ) : invitation.you && invitation.you.status !== 'needs-action' && (
              <span className="invitation__status">{t('invitation.yourStatus', { status: t(STATUS_WORDS[invitation.you.status] ?? 'invitation.statusNeedsAction') })}</span>
            )}
            {INVITATION_ANSWERS.map((choice) => (
              <button key={choice} type="button" onClick={() => answer(choice)} disabled={sending} className={choice === 'accepted' ? 'primary' : undefined} data-testid={`invitation-${choice}`}>
                {t(ANSWER_WORDS[choice])}
              </button>
            ))}
          </div>
        )
      )}
    </section>
  );
}
