import { addressList } from './address-book-learning';
import type { MessageSummary } from '../ipc/contract';
import { SUMMARY_RECIPIENTS, isForwarded, isMarkedJunk, tagsOf } from '../ipc/contract-constants';

/** What a list row needs of a message (alias m), as every list (folder, view, search, conversation) selects it. */
export const SUMMARY_COLUMNS = `m.id, m.folder_id AS folderId, m.uid, m.subject, m.from_name, m.from_addr, m.to_json, m.sort_date, m.date,
  m.size, m.seen, m.flagged, m.answered, m.draft, m.keywords, m.has_attachments, m.priority`;

export interface SummaryRow {
  id: number; folderId: number; uid: number | null; subject: string; from_name: string; from_addr: string; to_json: string;
  sort_date: number; date: number | null; size: number; seen: number; flagged: number; answered: number;
  draft: number; keywords: string; has_attachments: number; priority: number;
}

/** A selected row as the contract's summary. */
export function toSummary(row: SummaryRow): MessageSummary {
  const keywords = row.keywords ? row.keywords.split(' ') : [];
  return {
    id: row.id, folderId: row.folderId, uid: row.uid, subject: row.subject,
    from: { name: row.from_name, address: row.from_addr }, to: addressList(row.to_json).slice(0, SUMMARY_RECIPIENTS),
    date: row.date ?? row.sort_date, size: row.size,
    seen: row.seen === 1, flagged: row.flagged === 1, answered: row.answered === 1, hasAttachments: row.has_attachments === 1,
    tags: tagsOf(keywords),
    ...(isForwarded(keywords) && { forwarded: true as const }),
    ...(isMarkedJunk(keywords) && { junk: true as const }),
    ...(row.priority > 0 && { priority: 'high' as const }),
    ...(row.priority < 0 && { priority: 'low' as const }),
  };
}

