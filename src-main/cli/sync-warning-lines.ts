import type { SyncSummary } from '../ipc/contract';
import { warningCodeOf, type WarningCode } from '../errors/warning-codes';

/**
 * The CLI speaks English on stderr and cannot load the renderer's dictionaries
 * (see electron/menu-words.ts); these say the same as the renderer's
 * `warning.pop3Uidls*` words. The code goes first, for scripts.
 */
const SYNC_WARNING_WORDS: Partial<Record<WarningCode, string>> = {
  Pop3UidlsDuplicated: 'the POP3 server gives the same UIDL to more than one message; those messages stay on the server and are not downloaded',
  Pop3UidlsChanged: 'the POP3 server changed the UIDLs of messages already downloaded; they were recognised and not downloaded again',
  Pop3MessagesRefused: 'the POP3 server refused to hand over some messages it listed (deleted by another program meanwhile?); the others were downloaded, and those are asked for again at the next check',
};

/** One stderr line per warning of a sync summary, and one per folder the server refused (with its words). */
export function syncWarningLines(summary: SyncSummary): string[] {
  const warnings = (summary.warnings ?? []).map((warning) => {
    const code = warningCodeOf(warning);
    const words = code ? SYNC_WARNING_WORDS[code as WarningCode] : undefined;
    return `wren: account ${summary.accountId}: warning (${code ?? 'Unknown'}): ${words ?? warning}`;
  });
  const folders = (summary.folderErrors ?? []).map(({ path, error }) => `wren: account ${summary.accountId}: folder ${path} not synced (${error.code}): ${error.message}`);
  return [...warnings, ...folders];
}
