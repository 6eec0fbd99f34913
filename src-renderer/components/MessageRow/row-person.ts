import type { FolderRole, MessageSummary } from '../../../src-main/ipc/contract';
import { formatAddress, formatAddressList, senderLabel } from '../../format/format-address';
import type { Translate } from '../../i18n/translate';

/** Folders of mail the user wrote: the sender is always himself, so the row names whom it went to (as Thunderbird does). */
const OWN_MAIL: ReadonlySet<FolderRole> = new Set(['sent', 'drafts']);

export interface RowPerson {
  /** What the person column shows. */
  label: string;
  /** The full addresses, for the tooltip. */
  title: string;
}

/** The person column of a row in a folder of this role: the sender, or "To: …" in Sent and Drafts. */
export function rowPerson(message: MessageSummary, folderRole: FolderRole | null, t: Translate): RowPerson {
  if (folderRole === null || !OWN_MAIL.has(folderRole)) {
    return { label: senderLabel(message.from) || t('messages.unknownSender'), title: formatAddress(message.from) };
  }
  if (message.to.length === 0) return { label: t('messages.toNobody'), title: '' };
  return { label: t('messages.toRecipients', { names: message.to.map(senderLabel).join(', ') }), title: formatAddressList(message.to) };
}
