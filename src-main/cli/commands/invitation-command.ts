import { parseArgs } from 'node:util';
import { WrenError } from '../../errors/wren-error';
import type { Invitation, InvitationAnswer, InvitationRecurrence } from '../../ipc/contract';
import type { CliContext } from '../cli-context';
import { reportSent } from './send-command';

export const INVITATION_USAGE = `invitation MESSAGE_ID [--accept|--tentative|--decline]
                                 (the calendar invitation a message carries; with an answer, sent to its organizer)`;

const ANSWERS: Record<string, InvitationAnswer> = { accept: 'accepted', tentative: 'tentative', decline: 'declined' };

/** `wren invitation`: the reading pane's invitation card, through the same requests. */
export async function invitationCommand(context: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, options: { accept: { type: 'boolean' }, tentative: { type: 'boolean' }, decline: { type: 'boolean' } }, allowPositionals: true, strict: true,
  });
  const messageId = Number(positionals[0]);
  const chosen = Object.keys(ANSWERS).filter((flag) => values[flag as keyof typeof values]);
  if (positionals.length !== 1 || !Number.isSafeInteger(messageId) || messageId <= 0 || chosen.length > 1) {
    throw new WrenError('BadRequest', `Usage: wren ${INVITATION_USAGE}`);
  }
  const invitation = await context.request('messages.invitation', { messageId });
  if (!invitation) throw new WrenError('NotFound', `Message ${messageId} carries no calendar invitation, or it cannot be read now.`);
  if (chosen.length === 0) {
    context.print(invitation, () => eventLines(invitation));
    return 0;
  }
  const { outboxId } = await context.request('messages.answerInvitation', { messageId, answer: ANSWERS[chosen[0]!]!, language: 'en' });
  const [settled] = await context.request('outbox.wait', { outboxIds: [outboxId] });
  return reportSent(context, settled!);
}

function eventLines(invitation: Invitation): string[] {
  const when = (ms: number | null) => (ms === null ? '?' : invitation.allDay ? new Date(ms).toISOString().slice(0, 10) : new Date(ms).toISOString());
  const lines = [
    `${invitation.cancelled ? 'Cancelled' : invitation.method === 'REPLY' ? 'Reply' : 'Invitation'}: ${invitation.summary}`,
    `When: ${when(invitation.start)} to ${when(invitation.end)}${invitation.recurring && !invitation.repeats ? ' (repeats)' : ''}`,
  ];
  if (invitation.repeats) lines.push(`Repeats: ${repeatWords(invitation.repeats, when)}`);
  if (invitation.location) lines.push(`Where: ${invitation.location}`);
  if (invitation.organizer) lines.push(`Organizer: ${invitation.organizer.address}`);
  for (const attendee of invitation.attendees) lines.push(`Attendee: ${attendee.address} (${attendee.status})`);
  if (invitation.canAnswer) lines.push('Answer with --accept, --tentative or --decline.');
  return lines;
}

const UNITS = { daily: 'day', weekly: 'week', monthly: 'month', yearly: 'year' } as const;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "every 2 weeks on Mon, Wed; 10 times" (the window words it in the user's language, see recurrence-words.ts). */
function repeatWords(repeats: InvitationRecurrence, when: (ms: number | null) => string): string {
  const unit = UNITS[repeats.frequency];
  const every = repeats.interval === 1 ? `every ${unit}` : `every ${repeats.interval} ${unit}s`;
  const nth = repeats.nth === null ? '' : `${repeats.nth === -1 ? 'last' : `#${repeats.nth}`} `;
  const days = repeats.weekdays.length > 0 ? ` on ${nth}${repeats.weekdays.map((day) => DAYS[day]).join(', ')}` : '';
  const count = repeats.count === null ? '' : `; ${repeats.count} time${repeats.count === 1 ? '' : 's'}`;
  const until = repeats.until === null ? '' : `; until ${when(repeats.until)}`;
  return `${every}${days}${count}${until}`;
}
