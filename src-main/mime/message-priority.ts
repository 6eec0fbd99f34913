import { firstHeader, type RawHeader } from './raw-headers';
import { SEND_PRIORITIES, type SendPriority } from '../ipc/contract-constants';

/** A message's priority as the list shows and sorts it: high (X-Priority 1 or 2), normal, low (4 or 5). */
export type MessagePriority = 'high' | 'normal' | 'low';


/** The list's three levels of one of the five. */
export function listPriority(priority: SendPriority): MessagePriority {
  return priority === 'highest' || priority === 'high' ? 'high' : priority === 'low' || priority === 'lowest' ? 'low' : 'normal';
}

/** As the messages table keeps it (migration 0038): 1 high, 0 normal, -1 low, so a list can sort by it. */
export function priorityLevel(priority: MessagePriority | undefined): number {
  return priority === 'high' ? 1 : priority === 'low' ? -1 : 0;
}

/**
 * Read from X-Priority (1 highest … 5 lowest; Thunderbird, Foxmail) or Importance (Outlook). X-Priority first,
 * by its leading digit ("1 (Highest)", "2"), else Importance ("High", "low"); anything else, or neither, is
 * normal. X-MSMail-Priority repeats Importance and is not read.
 */
export function priorityOf(headers: RawHeader[]): MessagePriority {
  return listPriority(sendPriorityOf(headers));
}

/** The same headers read to the composer's five levels (a draft opened again keeps Highest or Lowest); Importance alone gives High or Low. */
export function sendPriorityOf(headers: RawHeader[]): SendPriority {
  const level = /^\s*([1-5])/.exec(firstHeader(headers, 'x-priority') ?? '')?.[1];
  if (level) return SEND_PRIORITIES[Number(level) - 1]!;
  const importance = firstHeader(headers, 'importance')?.trim().toLowerCase();
  return importance === 'high' ? 'high' : importance === 'low' ? 'low' : 'normal';
}
