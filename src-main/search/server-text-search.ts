import { isUnreachable, toWrenError, WrenError } from '../errors/wren-error';
import type { ImapSessions } from '../imap/imap-sessions';
import { uidsHoldingText, type TextCriterion, type TextField } from '../imap/search-text';
import type { ImapClient } from '../imap/imap-client';
import { withFolder, type SelectedFolder } from '../imap/with-folder';
import type { ServerSearchAnswer } from '../ipc/contract';
import type { SearchScope, TextlessOnServer } from '../store/search-repo';
import type { Store } from '../store/store';
import { downloadBodies } from '../sync/fetch-bodies';
import { positiveTermGroups, type SearchTerm } from './search-query';

/** One request downloads at most this many messages: a common word over years of unopened mail would be all of it. */
export const SERVER_SEARCH_DOWNLOADS = 500;

/** The local index's columns as IMAP SEARCH keys; recipients are To or Cc. */
const FIELDS_OF_COLUMN: Record<string, TextField[]> = { sender: ['from'], recipients: ['to', 'cc'], subject: ['subject'], body: ['body'] };

/**
 * Thunderbird's "Search on server", for what a local search could not read: the messages in scope whose text
 * was never downloaded (found by their headers only, see `textless`). Each IMAP server is asked which of them
 * hold the query's words (it decodes the mail itself, Chinese charsets included), and those are downloaded;
 * the local index then reads them, so the same search finds them by the same rules as any other message.
 */
export class ServerTextSearch {
  constructor(
    private readonly store: Store,
    private readonly sessions: ImapSessions,
  ) {}

  async run(query: string, scope: SearchScope): Promise<ServerSearchAnswer> {
    const groups = criteriaOf(positiveTermGroups(query, Date.now()));
    const answer: ServerSearchAnswer = { asked: 0, found: 0, downloaded: 0, notAsked: 0 };
    if (groups.length === 0) return answer;
    for (const [accountId, folders] of byAccountAndFolder(this.store.search.textlessOnServer(scope))) {
      await this.searchAccount(accountId, folders, groups, answer);
    }
    return answer;
  }

  private async searchAccount(accountId: number, folders: Map<string, TextlessOnServer[]>, groups: TextCriterion[][], answer: ServerSearchAnswer): Promise<void> {
    try {
      await this.sessions.use(accountId, 'read', async (client) => {
        for (const [path, messages] of folders) {
          try {
            await withFolder(client, path, (selected) => this.searchFolder(client, selected, messages, groups, answer), { readOnly: true });
          } catch (error) {
            // One folder the server no longer has (or refuses to open) leaves the others to search.
            if (isUnreachable(toWrenError(error))) throw error;
            console.warn(`[wren] search on server: ${path} of account ${accountId} skipped:`, toWrenError(error).code);
            answer.notAsked += 1;
          }
        }
      });
    } catch (error) {
      const wren = toWrenError(error);
      if (!isUnreachable(wren)) throw wren;
      throw new WrenError('Offline', 'The server cannot be reached to search the text of mail not downloaded yet.', { accountId, cause: wren.code });
    }
  }

  /** In the folder selected: which of its textless messages hold the words, and those downloaded while the cap allows. */
  private async searchFolder(client: ImapClient, selected: SelectedFolder, messages: TextlessOnServer[], groups: TextCriterion[][], answer: ServerSearchAnswer): Promise<void> {
    // Renumbered since the last sync: these UIDs may name other messages now; the next sync sorts it out.
    if (messages[0]!.uidValidity !== selected.uidValidity) {
      answer.notAsked += 1;
      return;
    }
    answer.asked += 1;
    const holding = new Set(await uidsHoldingText(client, messages.map((m) => m.uid), groups));
    const found = messages.filter((m) => holding.has(m.uid));
    answer.found += found.length;
    const wanted = found.slice(0, Math.max(0, SERVER_SEARCH_DOWNLOADS - answer.downloaded));
    await downloadBodies(client, this.store, wanted, (count) => (answer.downloaded += count));
  }
}

/** Each term as the server's search keys: a word in no field is TEXT (headers and body), as it is any column here. */
function criteriaOf(groups: SearchTerm[][]): TextCriterion[][] {
  return groups.map((group) =>
    group.flatMap((term) => (term.column === null ? ['text' as const] : (FIELDS_OF_COLUMN[term.column] ?? ['text' as const])).map((field) => ({ field, text: term.text }))),
  );
}

function byAccountAndFolder(messages: TextlessOnServer[]): Map<number, Map<string, TextlessOnServer[]>> {
  const accounts = new Map<number, Map<string, TextlessOnServer[]>>();
  for (const message of messages) {
    const folders = accounts.get(message.accountId) ?? new Map<string, TextlessOnServer[]>();
    accounts.set(message.accountId, folders);
    const inFolder = folders.get(message.folderPath) ?? [];
    folders.set(message.folderPath, inFolder);
    inFolder.push(message);
  }
  return accounts;
}
