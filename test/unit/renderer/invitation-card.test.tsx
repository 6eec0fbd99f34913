// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Invitation } from '../../../src-main/ipc/contract';
import { InvitationCard } from '../../../src-renderer/components/InvitationCard';
import { eventTimeWords } from '../../../src-renderer/components/InvitationCard/event-time';
import { ToastList } from '../../../src-renderer/components/Toasts';
import { ToastProvider } from '../../../src-renderer/components/Toasts/toast-context';
import { FakeClient, renderWithClient } from './fake-client';

afterEach(cleanup);

const REQUEST: Invitation = {
  method: 'REQUEST', uid: 'u1', summary: 'Budget review', location: 'Room 3', description: null,
  start: Date.UTC(2026, 11, 8, 6, 0), end: Date.UTC(2026, 11, 8, 7, 0), allDay: false, recurring: true, repeats: null, cancelled: false,
  organizer: { name: 'Dan Li', address: 'dan@example.test' },
  attendees: [{ name: '', address: 'bob@example.test', status: 'needs-action' }, { name: '', address: 'eve@example.test', status: 'accepted' }],
  you: { name: '', address: 'bob@example.test', status: 'needs-action' }, canAnswer: true,
};

function render(invitation: Invitation | null, language: 'en' | 'zh' = 'en', answered = false) {
  const client = new FakeClient({ 'messages.invitation': () => invitation, 'messages.answerInvitation': () => ({ outboxId: 3 }) });
  renderWithClient(<ToastProvider><InvitationCard messageId={5} answered={answered} /><ToastList /></ToastProvider>, client, language);
  return client;
}

describe('the invitation card', () => {
  it('shows what, when, where and who; Accept answers the organizer in the window\'s language and says so', async () => {
    const client = render(REQUEST);
    const card = await screen.findByTestId('invitation');
    expect(card.textContent).toContain('Budget review');
    expect(card.textContent).toContain('Room 3');
    expect(card.textContent).toContain('Dan Li <dan@example.test>');
    expect(card.textContent).toContain('2 people');
    expect(screen.getByTestId('invitation-when').textContent).toMatch(/\(repeats\)$/);
    fireEvent.click(screen.getByTestId('invitation-accepted'));
    expect((await screen.findByTestId('invitation-answered')).textContent).toBe('You answered: Accepted. The organizer has been told.');
    expect(client.callsOf('messages.answerInvitation')).toEqual([{ messageId: 5, answer: 'accepted', language: 'en' }]);
    expect(await screen.findByText('Your answer is on its way to Dan Li <dan@example.test>.')).toBeTruthy();
  });

  it('a rule it can word is said on a line of its own, instead of "(repeats)"', async () => {
    render({ ...REQUEST, repeats: { frequency: 'weekly', interval: 2, weekdays: [1, 3], nth: null, count: 10, until: null } });
    expect((await screen.findByTestId('invitation-repeats')).textContent).toBe('Every 2 weeks on Monday and Wednesday, 10 times');
    expect(screen.getByTestId('invitation-when').textContent).not.toContain('repeats');
  });

  it('an invitation answered before (\\Answered) says so, and can be answered again', async () => {
    render(REQUEST, 'en', true);
    expect((await screen.findByTestId('invitation-answered-before')).textContent).toBe('You have answered this invitation; answer again to change it.');
    expect(screen.getByTestId('invitation-declined')).toBeTruthy();
  });

  it('a cancellation, in Chinese: said at the top, nothing to answer', async () => {
    render({ ...REQUEST, method: 'CANCEL', cancelled: true, canAnswer: false }, 'zh');
    const card = await screen.findByTestId('invitation');
    expect(card.textContent).toMatch(/^📅 此活动已取消/);
    expect(screen.queryByTestId('invitation-accepted')).toBeNull();
  });

  it('a reply says how its attendee answered', async () => {
    render({ ...REQUEST, method: 'REPLY', attendees: [{ name: 'Eve', address: 'eve@example.test', status: 'declined' }], you: null, canAnswer: false });
    expect((await screen.findByTestId('invitation')).textContent).toContain('Eve <eve@example.test>: Declined');
  });

  it('nothing for a message without one', async () => {
    const client = render(null);
    await waitFor(() => expect(client.callsOf('messages.invitation')).toHaveLength(1));
    expect(screen.queryByTestId('invitation')).toBeNull();
  });
});

describe('eventTimeWords', () => {
  it('an all-day event shows its own days whatever the zone; a multi-day one its first and last', () => {
    expect(eventTimeWords({ start: Date.UTC(2026, 11, 24), end: Date.UTC(2026, 11, 25), allDay: true }, 'en-US')).toBe('Thursday, December 24, 2026');
    expect(eventTimeWords({ start: Date.UTC(2026, 11, 24), end: Date.UTC(2026, 11, 27), allDay: true }, 'en-US')).toMatch(/^Thursday, December 24\s–\sSaturday, December 26, 2026$/);
    expect(eventTimeWords({ start: null, end: null, allDay: false }, 'en-US')).toBe('');
  });
});
