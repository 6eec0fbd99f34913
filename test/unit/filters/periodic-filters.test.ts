import { afterEach, describe, expect, it } from 'vitest';
import { MessageFilters } from '../../../src-main/filters/message-filters';
import { PeriodicFilters } from '../../../src-main/filters/periodic-filters';
import type { FilterInput, ForwardAs } from '../../../src-main/ipc/contract';
import type { HeaderRecord } from '../../../src-main/store/messages-repo';
import { addAccount, addFolder, headerRecord, tempStore } from '../store/temp-store';

let dispose: () => void = () => undefined;
afterEach(() => dispose());

const MINUTE = 60_000;

function header(uid: number, subject: string): HeaderRecord {
  return headerRecord({ uid, messageId: `<${uid}@t>`, subject, from: { name: '', address: 'ann@example.test' }, date: uid, size: 10 });
}

/** An account with an Inbox of two messages; the Inbox runs are counted, the forwards recorded. */
function setup() {
  const t = tempStore();
  dispose = t.dispose;
  const accountId = addAccount(t.store, 'me');
  const inbox = addFolder(t.store, accountId, 'INBOX', 'inbox');
  t.store.write(() => t.store.messages.insertHeaders(inbox, [header(1, 'Invoice 7'), header(2, 'Lunch')]));
  const forwards: string[] = [];
  const sendOn = {
    redirect: async () => 'sent' as const,
    forward: async (messageId: number, to: string, _as: ForwardAs) => (forwards.push(`${messageId} ${to}`), 'sent' as const),
    reply: async () => 'sent' as const,
  };
  const filters = new MessageFilters(t.store, async () => undefined, sendOn);
  const save = (filter: Omit<FilterInput, 'accountId'>) => filters.save({ accountId, ...filter });
  let now = 0;
  const runs: number[] = [];
  const periodic = new PeriodicFilters(t.store, (inboxId) => (runs.push(inboxId), filters.runPeriodically(inboxId)), () => 10 * MINUTE, () => now);
  return { store: t.store, inbox, filters, save, forwards, periodic, runs, at: (minutes: number) => (now = minutes * MINUTE) };
}

const INVOICES = [{ field: 'subject' as const, operator: 'contains' as const, text: 'invoice' }];

describe('periodic filters (Thunderbird\'s "Periodically")', () => {
  it('run over the Inbox once a period is over, counted from when the account first has one; none, no run', async () => {
    const { inbox, save, periodic, runs, at } = setup();
    at(0);
    expect(await periodic.tick()).toEqual([]);
    const filter = save({ name: 'Invoices', conditions: INVOICES, actions: { flag: true }, runOn: { newMail: false, afterSending: false, periodically: true } });
    at(1);
    expect(await periodic.tick()).toEqual([]);
    at(10);
    expect(await periodic.tick()).toEqual([]);
    at(11);
    expect(await periodic.tick()).toEqual([filter.accountId]);
    at(15);
    expect(await periodic.tick()).toEqual([]);
    at(21);
    expect(await periodic.tick()).toEqual([filter.accountId]);
    expect(runs).toEqual([inbox, inbox]);
  });

  it('go on with their period across a restart, and start it again when the clock was set back', async () => {
    const { store, inbox, filters, save, runs, at } = setup();
    const filter = save({ name: 'Invoices', conditions: INVOICES, actions: { flag: true }, runOn: { newMail: false, afterSending: false, periodically: true } });
    let now = 0;
    const restarted = () => new PeriodicFilters(store, (inboxId) => (runs.push(inboxId), filters.runPeriodically(inboxId)), () => 10 * MINUTE, () => now);
    at(0);
    now = 0;
    expect(await restarted().tick()).toEqual([]);
    // Restarted every few minutes, as a laptop opened and closed: the period still ends ten minutes after it began.
    now = 6 * MINUTE;
    expect(await restarted().tick()).toEqual([]);
    now = 11 * MINUTE;
    expect(await restarted().tick()).toEqual([filter.accountId]);
    expect(runs).toEqual([inbox]);
    // Set back a day: the last run is in the future; the period begins now rather than in a day.
    now = 11 * MINUTE - 24 * 60 * MINUTE;
    expect(await restarted().tick()).toEqual([]);
    now += 10 * MINUTE;
    expect(await restarted().tick()).toEqual([filter.accountId]);
  });

  it('a filter switched off, or one that does not run periodically, stops the runs', async () => {
    const { save, filters, periodic, runs, at } = setup();
    const filter = save({ name: 'Invoices', conditions: INVOICES, actions: { flag: true }, runOn: { newMail: true, afterSending: false, periodically: true } });
    at(0);
    await periodic.tick();
    const { position: _place, ...saved } = filter;
    filters.save({ ...saved, enabled: false });
    at(30);
    expect(await periodic.tick()).toEqual([]);
    save({ name: 'New mail only', conditions: INVOICES, actions: { flag: true } });
    at(60);
    expect(await periodic.tick()).toEqual([]);
    expect(runs).toEqual([]);
  });

  it('what a filter forwards goes once to an address, however often the runs meet the message; "Run now" neither sends it again', async () => {
    const { inbox, save, filters, forwards, periodic, at } = setup();
    save({ name: 'Invoices to accounts', conditions: INVOICES, actions: { forwardTo: 'accounts@example.test' }, runOn: { newMail: false, afterSending: false, periodically: true } });
    at(0);
    await periodic.tick();
    at(11);
    await periodic.tick();
    at(22);
    await periodic.tick();
    expect(forwards).toHaveLength(1);
    expect(await filters.run(inbox)).toMatchObject({ matched: 1, forwarded: 0, forwardsFailed: 0 });
    expect(forwards).toHaveLength(1);
    // Another address is another sending.
    save({ name: 'And to me', conditions: INVOICES, actions: { forwardTo: 'me@phone.test' } });
    expect(await filters.run(inbox)).toMatchObject({ forwarded: 1 });
    expect(forwards.map((forward) => forward.split(' ')[1])).toEqual(['accounts@example.test', 'me@phone.test']);
  });
});
