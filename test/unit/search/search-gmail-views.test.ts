import { afterEach, describe, expect, it } from 'vitest';
import { disposeSearchStore, message, searchStore } from './search-store';

afterEach(() => disposeSearchStore());

const ann = { name: 'Ann Lee', address: 'ann@example.com' };

describe('search over an account whose server shows messages again in \\All and \\Flagged folders (Gmail)', () => {
  it('gives each message once: from its own folder, else from All Mail (archived), else Starred; a view\'s own copies when it is searched', async () => {
    const { store, accountId, folder, engine } = searchStore();
    const inbox = folder('INBOX');
    const role = (path: string, name: string) => {
      const id = folder(path);
      store.db.prepare('UPDATE folders SET role = ? WHERE id = ?').run(name, id);
      return id;
    };
    const allMail = role('[Gmail]/All Mail', 'all');
    const starred = role('[Gmail]/Starred', 'flagged');
    const copy = (messageId: string) => ({ ...message('Quarterly budget review', ann), messageId });
    const [inInbox] = store.write(() => store.messages.insertHeaders(inbox, [copy('<q3@example.com>')]));
    const [allCopy, archived, archivedStarred] = store.write(() =>
      store.messages.insertHeaders(allMail, [copy('<q3@example.com>'), copy('<old@example.com>'), copy('<kept@example.com>')]),
    );
    store.write(() => store.messages.insertHeaders(starred, [copy('<q3@example.com>'), copy('<kept@example.com>')]));
    const ids = async (scope: { folderId?: number; accountId?: number }) =>
      engine.search({ query: 'budget', offset: 0, limit: 10, ...scope });
    const everywhere = await ids({});
    expect(everywhere.items.map((hit) => hit.id).sort()).toEqual([inInbox, archived, archivedStarred].sort());
    expect(everywhere.total).toBe(3);
    expect((await ids({ accountId })).total).toBe(3);
    expect((await ids({ folderId: allMail })).items.map((hit) => hit.id).sort()).toEqual([allCopy, archived, archivedStarred].sort());
  });
});
