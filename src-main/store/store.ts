import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ChangeFeed } from './change-feed';
import { openDatabase, type Db } from './open-database';
import { BlobStore } from './blob-store';
import { AccountsRepo } from './accounts-repo';
import { AccountQuotasRepo } from './account-quotas-repo';
import { FoldersRepo } from './folders-repo';
import { MessagesRepo } from './messages-repo';
import { BodiesRepo } from './bodies-repo';
import { SecretsRepo } from './secrets-repo';
import { OperationsRepo } from './operations-repo';
import { MessageChangesRepo } from './message-changes-repo';
import { Pop3UidlsRepo } from './pop3-uidls-repo';
import { LocalFoldersRepo } from './local-folders-repo';
import { UnifiedViewsRepo } from './unified-views-repo';
import { AddressBookRepo } from './address-book-repo';
import { IdentitiesRepo } from './identities-repo';
import { FiltersRepo } from './filters-repo';
import { FilterSentQueueRepo } from './filter-sent-queue-repo';
import { FilterSendingsRepo } from './filter-sendings-repo';
import { PeriodicFilterRunsRepo } from './periodic-filter-runs-repo';
import { FilterLogRepo } from './filter-log-repo';
import { PendingAppendsRepo } from './pending-appends-repo';
import { OutboxRepo } from './outbox-repo';
import { SearchRepo } from './search-repo';
import { ConversationQuery } from './conversation-query';
import { JunkCorpusRepo } from './junk-corpus-repo';
import { SavedSearchesRepo } from './saved-searches-repo';
import { ContactListsRepo } from './contact-lists-repo';
import { IgnoredThreadsRepo } from './ignored-threads-repo';

/**
 * The local cache: one SQLite database plus a blob folder for large parts.
 * All writes go through `write`, which announces the changes after commit.
 */
export class Store {
  readonly db: Db;
  readonly feed = new ChangeFeed();
  readonly blobs: BlobStore;
  readonly accounts: AccountsRepo;
  readonly quotas: AccountQuotasRepo;
  readonly folders: FoldersRepo;
  readonly messages: MessagesRepo;
  readonly bodies: BodiesRepo;
  readonly secrets: SecretsRepo;
  readonly operations: OperationsRepo;
  readonly messageChanges: MessageChangesRepo;
  readonly pop3Uidls: Pop3UidlsRepo;
  readonly localFolders: LocalFoldersRepo;
  readonly views: UnifiedViewsRepo;
  readonly addressBook: AddressBookRepo;
  readonly identities: IdentitiesRepo;
  readonly filters: FiltersRepo;
  readonly filterLog: FilterLogRepo;
  readonly filterSentQueue: FilterSentQueueRepo;
  readonly filterSendings: FilterSendingsRepo;
  readonly periodicFilterRuns: PeriodicFilterRunsRepo;
  readonly pendingAppends: PendingAppendsRepo;
  readonly outbox: OutboxRepo;
  readonly search: SearchRepo;
  readonly conversations: ConversationQuery;
  readonly junkCorpus: JunkCorpusRepo;
  readonly savedSearches: SavedSearchesRepo;
  readonly contactLists: ContactListsRepo;
  readonly ignoredThreads: IgnoredThreadsRepo;

  constructor(readonly dataDir: string) {
    this.db = openDatabase(join(dataDir, 'wren.sqlite'));
    const blobDir = join(dataDir, 'blobs');
    mkdirSync(blobDir, { recursive: true });
    this.blobs = new BlobStore(blobDir);
    this.accounts = new AccountsRepo(this.db, this.feed);
    this.quotas = new AccountQuotasRepo(this.db, this.feed);
    this.folders = new FoldersRepo(this.db, this.feed);
    this.messages = new MessagesRepo(this.db, this.feed);
    this.bodies = new BodiesRepo(this.db);
    this.secrets = new SecretsRepo(this.db);
    this.operations = new OperationsRepo(this.db);
    this.messageChanges = new MessageChangesRepo(this.db, this.feed);
    this.pop3Uidls = new Pop3UidlsRepo(this.db);
    this.localFolders = new LocalFoldersRepo(this.db, this.feed, this.folders);
    this.views = new UnifiedViewsRepo(this.db);
    this.addressBook = new AddressBookRepo(this.db);
    this.identities = new IdentitiesRepo(this.db);
    this.filters = new FiltersRepo(this.db);
    this.filterLog = new FilterLogRepo(this.db);
    this.filterSentQueue = new FilterSentQueueRepo(this.db);
    this.filterSendings = new FilterSendingsRepo(this.db);
    this.periodicFilterRuns = new PeriodicFilterRunsRepo(this.db);
    this.pendingAppends = new PendingAppendsRepo(this.db);
    this.outbox = new OutboxRepo(this.db);
    this.search = new SearchRepo(this.db);
    this.conversations = new ConversationQuery(this.db);
    this.junkCorpus = new JunkCorpusRepo(this.db);
    this.savedSearches = new SavedSearchesRepo(this.db);
    this.contactLists = new ContactListsRepo(this.db);
    this.ignoredThreads = new IgnoredThreadsRepo(this.db);
  }

  /**
   * Runs `work` in one transaction; change events go out only if it commits.
   * BEGIN IMMEDIATE: the write lock is taken (waiting out the other thread's
   * writer) before anything is read, as a read snapshot that another
   * connection's commit made stale cannot be upgraded to a write.
   */
  write<T>(work: () => T): T {
    try {
      const result = this.db.transaction(work).immediate();
      this.feed.flush();
      return result;
    } catch (error) {
      this.feed.discard();
      throw error;
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
