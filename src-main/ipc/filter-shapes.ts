/** Message filters (Thunderbird's Message Filters): the shapes the contract carries. Shared with the renderer: only zod. */
import { z } from 'zod';
import { MESSAGE_TAGS } from './contract-constants';

/** What a condition looks in: the sender, the recipients (To and Cc), the subject; names and addresses both. */
export const FILTER_FIELDS = ['from', 'recipients', 'subject'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

/**
 * How a condition compares, as Thunderbird's filter rules do, whatever the case. For people (the sender, the
 * recipients) the positive ones hold when one name or address does, the negative ones when none does.
 */
export const FILTER_OPERATORS = ['contains', 'doesNotContain', 'is', 'isNot', 'beginsWith', 'endsWith'] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

export const FilterCondition = z
  .object({ field: z.enum(FILTER_FIELDS), operator: z.enum(FILTER_OPERATORS).default('contains'), text: z.string().trim().min(1).max(500) })
  .strict();
export type FilterCondition = z.output<typeof FilterCondition>;

/** What a matching message gets. A move (to a folder of the same account) and a delete (to Trash) end the filtering of that message. */
export const FilterActions = z
  .object({
    moveTo: z.number().int().positive().nullable().default(null),
    markRead: z.boolean().default(false),
    flag: z.boolean().default(false),
    tag: z.enum(MESSAGE_TAGS).nullable().default(null),
    delete: z.boolean().default(false),
  })
  .strict()
  .refine((actions) => !(actions.delete && actions.moveTo !== null), { message: 'A filter either moves or deletes, not both.' })
  .refine((actions) => actions.delete || actions.moveTo !== null || actions.markRead || actions.flag || actions.tag !== null, {
    message: 'A filter needs at least one action.',
  });
export type FilterActions = z.output<typeof FilterActions>;

/** A filter as saved (`id` absent: a new one, placed last). */
export const FilterInput = z
  .object({
    id: z.number().int().positive().optional(),
    accountId: z.number().int().positive(),
    name: z.string().trim().min(1).max(200),
    enabled: z.boolean().default(true),
    /** all: every condition must hold; any: one is enough. */
    match: z.enum(['all', 'any']).default('all'),
    conditions: z.array(FilterCondition).min(1).max(20),
    actions: FilterActions,
  })
  .strict();
export type FilterInput = z.input<typeof FilterInput>;

/** A saved filter; filters run in `position` order. */
export interface MessageFilter extends Omit<z.output<typeof FilterInput>, 'id'> {
  id: number;
  position: number;
}

/** What running filters did: messages that matched some filter, and those moved or deleted. */
export interface FilterRunResult {
  matched: number;
  moved: number;
  /** Filters whose folder is gone (deleted or renamed elsewhere): their move was left undone. */
  missingFolders: number[];
}
