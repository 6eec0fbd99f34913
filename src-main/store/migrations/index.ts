import { initial } from './0001-initial';
import { pendingFlagChanges } from './0002-pending-flag-changes';
import { pendingFlagIdentity } from './0003-pending-flag-identity';
import { dropRecentKeyword } from './0004-drop-recent-keyword';
import { operationsJournal } from './0005-operations-journal';
import { folderOperations } from './0006-folder-operations';
import { pop3Downloads } from './0007-pop3-downloads';
import { localTransfers } from './0008-local-transfers';
import { outbox } from './0009-outbox';
import { addressBook } from './0010-address-book';
import { accountOrderColour } from './0011-account-order-colour';
import { pop3UidlIdentity } from './0012-pop3-uidl-identity';
import { messageSearch } from './0013-message-search';
import { addressBookByBatch } from './0014-address-book-by-batch';
import { oauth2Accounts } from './0015-oauth2-accounts';
import { searchCjkRunEnds } from './0016-search-cjk-run-ends';
import { folderDeletePlan } from './0017-folder-delete-plan';
import { outboxSources } from './0018-outbox-sources';
import { messageIdsNeverReused } from './0019-message-ids-never-reused';
import { searchNfkc } from './0020-search-nfkc';
import { searchAttachmentNames } from './0021-search-attachment-names';
import { messagesByMessageId } from './0022-messages-by-message-id';
import { accountIdsNeverReused } from './0023-account-ids-never-reused';
import { smtpCertificatePin } from './0024-smtp-certificate-pin';
import { outboxSendingBegan } from './0025-outbox-sending-began';
import { outboxComposedApart } from './0026-outbox-composed-apart';
import { messagesByInReplyTo } from './0027-messages-by-in-reply-to';
import { messageFilters } from './0028-message-filters';
import { filterConditionOperators } from './0029-filter-condition-operators';
import { messagesThreadRoot } from './0030-messages-thread-root';
import { accountQuotas } from './0031-account-quotas';
import { addressBookSaved } from './0032-address-book-saved';
import { junkCorpus } from './0033-junk-corpus';
import { savedSearches } from './0034-saved-searches';
import { contactLists } from './0035-contact-lists';
import { ignoredThreads } from './0036-ignored-threads';
import { messageHeaderBlocks } from './0037-message-header-blocks';
import { messagesPriority } from './0038-messages-priority';
import { filterLog } from './0039-filter-log';
import { filterLogOperations } from './0040-filter-log-operations';
import { filtersAfterSending } from './0041-filters-after-sending';
import { filtersPeriodically } from './0042-filters-periodically';
import { periodicFilterRuns } from './0043-periodic-filter-runs';
import { addressBookUnranked } from './0044-address-book-unranked';
import { identitiesWithoutAccountLabel } from './0045-identities-without-account-label';
import { signaturesWithoutTypedDelimiter } from './0046-signatures-without-typed-delimiter';
import { accountNameFromDefaultIdentity } from './0047-account-name-from-default-identity';
import { pop3FoldersNest } from './0048-pop3-folders-nest';
import { pop3DeletedWhileKept } from './0049-pop3-deleted-while-kept';
import type { Migration } from './migration';

/** In order; a new migration is a new file here, never an edit to an old one. */
export const MIGRATIONS: readonly Migration[] = [
  initial, pendingFlagChanges, pendingFlagIdentity, dropRecentKeyword, operationsJournal, folderOperations,
  pop3Downloads, localTransfers, outbox, addressBook, accountOrderColour, pop3UidlIdentity, messageSearch, addressBookByBatch, oauth2Accounts,
  searchCjkRunEnds, folderDeletePlan, outboxSources, messageIdsNeverReused, searchNfkc,
  searchAttachmentNames, messagesByMessageId, accountIdsNeverReused, smtpCertificatePin, outboxSendingBegan,
  outboxComposedApart, messagesByInReplyTo, messageFilters, filterConditionOperators, messagesThreadRoot,
  accountQuotas, addressBookSaved, junkCorpus, savedSearches, contactLists, ignoredThreads,
  messageHeaderBlocks, messagesPriority, filterLog, filterLogOperations, filtersAfterSending, filtersPeriodically,
  periodicFilterRuns, addressBookUnranked, identitiesWithoutAccountLabel, signaturesWithoutTypedDelimiter,
  accountNameFromDefaultIdentity, pop3FoldersNest, pop3DeletedWhileKept,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
