/**
 * The names of the contract's requests and events, and nothing else: the
 * sandboxed preload's allow-list comes from here, so its bundle carries no
 * zod (contract.ts checks at compile time that its requests and events are
 * exactly these). A new request or event is added here and in contract.ts.
 */
export const METHOD_NAMES = [
  'app.info',
  'accounts.list',
  'accounts.testConnection',
  'accounts.add',
  'accounts.remove',
  'accounts.update',
  'accounts.reorder',
  'accounts.discover',
  'accounts.oauthStart',
  'accounts.oauthFinish',
  'accounts.oauthCancel',
  'folders.list',
  'messages.list',
  'views.list',
  'messages.listView',
  'messages.search',
  'messages.read',
  'messages.summary',
  'messages.source',
  'messages.conversation',
  'messages.mailingList',
  'messages.unsubscribe',
  'messages.invitation',
  'messages.answerInvitation',
  'messages.receiptRequest',
  'messages.answerReceipt',
  'messages.setFlags',
  'messages.apply',
  'operations.undo',
  'filters.list',
  'filters.save',
  'filters.remove',
  'filters.move',
  'filters.run',
  'folders.markRead',
  'folders.empty',
  'folders.create',
  'folders.rename',
  'folders.deletePlan',
  'folders.delete',
  'folders.subscribe',
  'folders.import',
  'folders.export',
  'attachments.save',
  'attachments.open',
  'attachments.saveAll',
  'sync.start',
  'sync.run',
  'sync.watch',
  'settings.get',
  'settings.update',
  'compose.start',
  'identities.list',
  'identities.add',
  'identities.update',
  'identities.remove',
  'addresses.suggest',
  'addresses.forget',
  'drafts.save',
  'drafts.discard',
  'attachments.pick',
  'outbox.send',
  'outbox.sendRaw',
  'outbox.redirect',
  'outbox.list',
  'outbox.cancel',
  'outbox.retry',
  'outbox.sendNow',
  'outbox.resolve',
  'outbox.wait',
  'outbox.flush',
  'outbox.setSentCopy',
] as const;

export const EVENT_NAME_LIST = ['store.changed', 'sync.progress', 'account.status', 'operation.failed', 'mail.new', 'settings.changed', 'compose.mailto', 'app.command', 'outbox.changed'] as const;

export type MethodName = (typeof METHOD_NAMES)[number];
export type EventNameOfList = (typeof EVENT_NAME_LIST)[number];

/** Allow-lists: the preload and the web server accept nothing else. */
export const METHODS: readonly MethodName[] = Object.freeze([...METHOD_NAMES]);
export const EVENT_NAMES: readonly EventNameOfList[] = Object.freeze([...EVENT_NAME_LIST]);
