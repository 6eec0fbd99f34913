// Moved to the IMAP room; kept for push-pending-flags.ts until the operations journal replaces it.
export { findByMessageId } from '../imap/find-by-message-id';
