/**
 * Dovecot 2.3's own post-login capabilities without MOVE: a server that
 * makes a client fall back to COPY + \\Deleted + UID EXPUNGE (UIDPLUS kept).
 */
export const MOVELESS_CAPABILITY = [
  'IMAP4rev1', 'SASL-IR', 'LOGIN-REFERRALS', 'ID', 'ENABLE', 'IDLE', 'SORT', 'SORT=DISPLAY', 'THREAD=REFERENCES', 'THREAD=REFS',
  'THREAD=ORDEREDSUBJECT', 'MULTIAPPEND', 'URL-PARTIAL', 'CATENATE', 'UNSELECT', 'CHILDREN', 'NAMESPACE', 'UIDPLUS', 'LIST-EXTENDED',
  'I18NLEVEL=1', 'CONDSTORE', 'QRESYNC', 'ESEARCH', 'ESORT', 'SEARCHRES', 'WITHIN', 'CONTEXT=SEARCH', 'LIST-STATUS', 'BINARY',
  'SPECIAL-USE', 'LITERAL+',
].join(' ');

/** Neither MOVE nor UIDPLUS: only a plain EXPUNGE removes messages, every \\Deleted one of the folder at once. */
export const MOVELESS_UIDPLUSLESS_CAPABILITY = MOVELESS_CAPABILITY.split(' ').filter((capability) => capability !== 'UIDPLUS').join(' ');

/** Dovecot's capabilities without QRESYNC (CONDSTORE kept): expunges must be found by UID SEARCH. */
export const QRESYNCLESS_CAPABILITY = MOVELESS_CAPABILITY.split(' ').filter((capability) => capability !== 'QRESYNC').concat('MOVE').join(' ');
