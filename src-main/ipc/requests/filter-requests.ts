/** Message filters (an account's list, saving, removing, running them on a folder, their log) and the adaptive junk filter. */
import { z } from 'zod';
import { FilterInput, type FilterLogEntry, type FilterRunResult, type MessageFilter } from '../filter-shapes';
import type { JunkRunResult, JunkStatus } from '../mail-shapes';
import { byAccount, empty, id, request } from './request-shape';

export const filterRequests = {
  /** An account's filters, in the order they run. */
  'filters.list': request<MessageFilter[]>()(byAccount),
  /** Adds a filter (no id: it runs last) or replaces a saved one. */
  'filters.save': request<MessageFilter>()(FilterInput),
  'filters.remove': request<{ removed: true }>()(z.object({ filterId: id }).strict()),
  /** Moves a filter one place up (it runs earlier) or down; answers the account's filters in their new order. */
  'filters.move': request<MessageFilter[]>()(z.object({ filterId: id, direction: z.enum(['up', 'down']) }).strict()),
  /** Runs one filter (enabled or not), or all the enabled filters of the folder's account, over the folder's messages. */
  'filters.run': request<FilterRunResult>()(z.object({ folderId: id, filterId: id.optional() }).strict()),
  /** The account's Filter Log, newest first: what each filter did to which message (the latest 1,000 kept). */
  'filters.log': request<FilterLogEntry[]>()(z.object({ accountId: id, limit: z.number().int().min(1).max(1000).default(200) }).strict()),
  /** Empties the account's Filter Log; answers how many entries went. */
  'filters.clearLog': request<{ cleared: number }>()(byAccount),
  /** The junk filter's training: how much it learnt from the user's Junk and Not Junk marks (messages.apply, kind junk). */
  'junk.status': request<JunkStatus>()(empty),
  /** Forgets all of the junk filter's training (Thunderbird's Reset Training Data). */
  'junk.reset': request<JunkStatus>()(empty),
  /** Scores every message of a folder the user has not judged, and marks (or moves, as set) the junk (Run Junk Mail Controls). */
  'junk.runOnFolder': request<JunkRunResult>()(z.object({ folderId: id }).strict()),
};
