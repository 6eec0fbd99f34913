/** Message filters: an account's list, saving, removing, and running them on a folder. */
import { z } from 'zod';
import { FilterInput, type FilterRunResult, type MessageFilter } from '../filter-shapes';
import { byAccount, id, request } from './request-shape';

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
};
