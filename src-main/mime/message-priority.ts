import { firstHeader, type RawHeader } from './raw-headers';

/** A message's priority as mail clients set it; Wren writes and reads three of the five levels Thunderbird shows. */
export type MessagePriority = 'high' | 'normal' | 'low';

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
  const level = /^\s*([1-5])/.exec(firstHeader(headers, 'x-priority') ?? '')?.[1];
  if (level) return level <= '2' ? 'high' : level >= '4' ? 'low' : 'normal';
  const importance = firstHeader(headers, 'importance')?.trim().toLowerCase();
  return importance === 'high' ? 'high' : importance === 'low' ? 'low' : 'normal';
}
