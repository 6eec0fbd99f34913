/** Message filters (Thunderbird's Message Filters): the shapes the contract carries. Shared with the renderer: only zod. */
import { z } from 'zod';
import { MESSAGE_TAGS } from './contract-constants';

/** What a condition looks in: the sender, the recipients (To and Cc), the subject (names and addresses both), or the size. */
export const FILTER_FIELDS = ['from', 'recipients', 'subject', 'size'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

/**
 * How a condition compares, as Thunderbird's filter rules do, whatever the case. For people (the sender, the
 * recipients) the positive ones hold when one name or address does, the negative ones when none does.
 */
export const TEXT_OPERATORS = ['contains', 'doesNotContain', 'is', 'isNot', 'beginsWith', 'endsWith'] as const;
/** The size compares in KB, as Thunderbird's "Size (KB) is greater than / less than". */
export const SIZE_OPERATORS = ['isGreaterThan', 'isLessThan'] as const;
export const FILTER_OPERATORS = [...TEXT_OPERATORS, ...SIZE_OPERATORS] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];
export type TextOperator = (typeof TEXT_OPERATORS)[number];
export type SizeOperator = (typeof SIZE_OPERATORS)[number];

/** The operators a field takes. */
export function operatorsFor(field: FilterField): readonly FilterOperator[] {
  return field === 'size' ? SIZE_OPERATORS : TEXT_OPERATORS;
}

/** A size condition's text: whole KB. */
const KB = /^\d{1,9}$/;

export const FilterCondition = z
  .object({ field: z.enum(FILTER_FIELDS), operator: z.enum(FILTER_OPERATORS).default('contains'), text: z.string().trim().min(1).max(500) })
  .strict()
  .refine((condition) => operatorsFor(condition.field).includes(condition.operator), { message: 'That comparison does not go with that field.', path: ['operator'] })
  .refine((condition) => condition.field !== 'size' || KB.test(condition.text), { message: 'A size is a whole number of KB.', path: ['text'] });
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
