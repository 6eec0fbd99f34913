import { afterEach, describe, expect, it } from 'vitest';
import { JunkFilter } from '../../../src-main/junk/junk-filter';
import type { Events, MailOperation } from '../../../src-main/ipc/contract';
import type { JunkFilterMode } from '../../../src-main/settings/settings-schema';
import type { HeaderRecord } from '../../../src-main/store/messages-repo';
import type { Store } from '../../../src-main/store/store';
import { addAccount, addFolder, headerRecord, tempStore } from '../store/temp-store';
import { trainingGood, trainingJunk, unseenGood, unseenJunk, type CorpusMessage } from '../../lab/junk-corpus';

let dispose: () => void = () => undefined;
afterEach(() => dispose());

let nextUid = 1;
function header(message: CorpusMessage): HeaderRecord {
  const uid = nextUid++;
  return headerRecord({
    uid, messageId: `<${uid}@corpus.test>`, subject: message.subject, from: { name: '', address: message.from }, to: [{ name: 'Me', address: 'me@example.test' }],
    date: uid, size: 10,
  });
}

/** Stores messages with their bodies, as if read before; gives their ids. */
function stored(store: Store, folderId: number, messages: CorpusMessage[], bodies = true): number[] {
  return store.write(() => {
    const ids = store.messages.insertHeaders(folderId, messages.map(header));
    if (bodies) ids.forEach((id, i) => store.bodies.saveBody(id, { text: messages[i]!.text, html: null, warnings: [] }));
    return ids;
  });
}

function setup(mode: JunkFilterMode = 'mark') {
  const t = tempStore();
  dispose = t.dispose;
  const accountId = addAccount(t.store, 'me');
  const inbox = addFolder(t.store, accountId, 'INBOX', 'inbox');
  const applied: MailOperation[] = [];
  const loaded: number[] = [];
  const bodies = new Map<number, string>();
  const filter = new JunkFilter(
    t.store,
    async (operation) => void applied.push(operation),
    async (id) => {
      loaded.push(id);
      return bodies.has(id) ? { text: bodies.get(id)!, html: null } : null;
    },
    () => mode,
  );
  const arrival = (ids: number[]): Events['mail.new'] => ({ accountId, folderId: inbox, ids, messages: ids.map((id) => ({ id, from: { name: '', address: '' }, subject: '' })) });
  return { store: t.store, inbox, filter, applied, loaded, bodies, arrival, accountId };
}

function trained(setupResult: ReturnType<typeof setup>) {
  const { store, inbox, filter } = setupResult;
  filter.learn(stored(store, inbox, trainingJunk), true);
  filter.learn(stored(store, inbox, trainingGood), false);
}

describe('JunkFilter', () => {
  it('learns each message once, moves it from junk to good when marked again, and an undone mark takes its training back', () => {
    const { store, inbox, filter } = setup();
    const [spam] = stored(store, inbox, [trainingJunk[0]!]);
    expect(filter.status()).toEqual({ junk: 0, good: 0, tokens: 0, ready: false });
    filter.learn([spam!], true);
    const once = filter.status();
    expect(once).toMatchObject({ junk: 1, good: 0, ready: false });
    expect(once.tokens).toBeGreaterThan(20);
    filter.learn([spam!], true);
    expect(filter.status()).toEqual(once);
    expect(store.junkCorpus.countsOf(['subject:恭喜'])).toEqual(new Map([['subject:恭喜', { junk: 1, good: 0 }]]));

    filter.rememberForUndo(7, filter.learn([spam!], false));
    expect(filter.status()).toMatchObject({ junk: 0, good: 1 });
    expect(store.junkCorpus.countsOf(['subject:恭喜']).get('subject:恭喜')).toEqual({ junk: 0, good: 1 });
    filter.undo(7);
    expect(filter.status()).toEqual(once);
    expect(store.junkCorpus.countsOf(['subject:恭喜']).get('subject:恭喜')).toEqual({ junk: 1, good: 0 });
  });

  it('a message marked before its body was here is learnt again from all of it once opened; an untrained one is left alone', () => {
    const { store, inbox, filter } = setup();
    const [spam, other] = stored(store, inbox, [trainingJunk[0]!, trainingJunk[1]!], false);
    filter.learn([spam!], true);
    const fromHeaders = filter.status();
    store.write(() => store.bodies.saveBody(spam!, { text: trainingJunk[0]!.text, html: null, warnings: [] }));
    filter.relearn(spam!);
    const whole = filter.status();
    expect(whole).toMatchObject({ junk: 1, good: 0 });
    expect(whole.tokens).toBeGreaterThan(fromHeaders.tokens + 10);
    // A word of its body (the subject's are "subject:" tokens), learnt as junk.
    expect(store.junkCorpus.countsOf(['恭喜']).get('恭喜')).toEqual({ junk: 1, good: 0 });
    filter.relearn(spam!);
    expect(filter.status()).toEqual(whole);
    filter.relearn(other!);
    expect(filter.status()).toEqual(whole);
  });

  it('an undone first mark leaves no training; Reset forgets everything', () => {
    const { store, inbox, filter } = setup();
    const ids = stored(store, inbox, trainingJunk.slice(0, 2));
    filter.rememberForUndo(1, filter.learn(ids, true));
    filter.undo(1);
    expect(filter.status()).toEqual({ junk: 0, good: 0, tokens: 0, ready: false });
    filter.learn(ids, true);
    expect(filter.reset()).toEqual({ junk: 0, good: 0, tokens: 0, ready: false });
  });

  it('once trained, marks new junk in the Inbox and leaves it out of the announcement; good mail passes', async () => {
    const t = setup();
    trained(t);
    expect(t.filter.status()).toMatchObject({ junk: trainingJunk.length, good: trainingGood.length, ready: true });
    const [spam, ham] = stored(t.store, t.inbox, [unseenJunk, unseenGood]);
    const left = await t.filter.screen(t.arrival([spam!, ham!]));
    expect(left?.ids).toEqual([ham]);
    expect(left?.messages.map((message) => message.id)).toEqual([ham]);
    expect(t.applied).toEqual([{ kind: 'flags', messageIds: [spam], add: ['$Junk'], remove: [] }]);
  });

  it('downloads the body of new mail not stored yet before scoring it', async () => {
    const t = setup();
    trained(t);
    const [spam] = stored(t.store, t.inbox, [unseenJunk], false);
    t.bodies.set(spam!, unseenJunk.text);
    expect(await t.filter.screen(t.arrival([spam!]))).toBeNull();
    expect(t.loaded).toEqual([spam]);
  });

  it('moves junk when the user chose so, through the same operation as the Junk button', async () => {
    const t = setup('move');
    trained(t);
    const [spam] = stored(t.store, t.inbox, [unseenJunk]);
    await t.filter.screen(t.arrival([spam!]));
    expect(t.applied).toEqual([{ kind: 'junk', messageIds: [spam], junk: true }]);
  });

  it('leaves alone: everything when off or untrained, mail the user judged, senders saved in the Address Book, folders other than the Inbox', async () => {
    const off = setup('off');
    trained(off);
    const [spam] = stored(off.store, off.inbox, [unseenJunk]);
    expect(await off.filter.screen(off.arrival([spam!]))).toEqual(off.arrival([spam!]));
    dispose();

    const untrained = setup();
    const [fresh] = stored(untrained.store, untrained.inbox, [unseenJunk], false);
    expect(await untrained.filter.screen(untrained.arrival([fresh!]))).toEqual(untrained.arrival([fresh!]));
    expect(untrained.loaded).toEqual([]);
    dispose();

    const t = setup();
    trained(t);
    const judged = stored(t.store, t.inbox, [{ ...unseenJunk }])[0]!;
    t.store.write(() => t.store.messageChanges.setFlags(judged, ['$NotJunk']));
    const friend = stored(t.store, t.inbox, [{ ...unseenJunk, from: 'friend@example.com' }])[0]!;
    t.store.write(() => t.store.addressBook.save('friend@example.com', 'Friend'));
    expect((await t.filter.screen(t.arrival([judged, friend])))?.ids).toEqual([judged, friend]);
    const lists = addFolder(t.store, t.accountId, 'Lists', null);
    const elsewhere = stored(t.store, lists, [unseenJunk])[0]!;
    expect(await t.filter.screen({ ...t.arrival([elsewhere]), folderId: lists })).toMatchObject({ ids: [elsewhere] });
    expect(t.applied).toEqual([]);
  });

  it('runs over a folder (Run Junk Mail Controls): scores what is stored, marks the junk', async () => {
    const t = setup();
    expect(await t.filter.runOnFolder(t.inbox)).toEqual({ examined: 0, junk: 0 });
    trained(t);
    const [spam] = stored(t.store, t.inbox, [unseenJunk, unseenGood]);
    // The trained messages carry no verdict keyword here (the operations were recorded, not applied): all are scored.
    const result = await t.filter.runOnFolder(t.inbox);
    expect(result.examined).toBe(trainingJunk.length + trainingGood.length + 2);
    expect(t.applied.at(-1)).toMatchObject({ kind: 'flags', add: ['$Junk'] });
    expect((t.applied.at(-1) as { messageIds: number[] }).messageIds).toContain(spam);
    expect(result.junk).toBe((t.applied.at(-1) as { messageIds: number[] }).messageIds.length);
    await expect(t.filter.runOnFolder(99_999)).rejects.toMatchObject({ code: 'NotFound' });
  });
});
