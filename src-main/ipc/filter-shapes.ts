/** Message filters (Thunderbird's Message Filters): the shapes the contract carries. Shared with the renderer: only zod. */
import { z } from 'zod';
import { MESSAGE_TAGS, type MessageTag } from './contract-constants';
import type { ErrorShape } from '../errors/error-codes';
import type { Address } from './mail-shapes';

/**
 * What a condition looks in: the sender, the recipients (To and Cc), the subject (names and addresses both), the
 * size, the age (days since it was sent), a status (read, starred, answered, with attachments), the priority
 * (high, normal, low, as the list shows it), a tag (one of the five), a header field
 * the condition names (Thunderbird's "Customize…": List-Id, X-Spam-Flag…) or the body's text.
 */
export const FILTER_FIELDS = ['from', 'recipients', 'subject', 'size', 'age', 'status', 'priority', 'tag', 'header', 'body'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

/**
 * How a condition compares, as Thunderbird's filter rules do, whatever the case. For people (the sender, the
 * recipients) the positive ones hold when one name or address does, the negative ones when none does.
 */
export const TEXT_OPERATORS = ['contains', 'doesNotContain', 'is', 'isNot', 'beginsWith', 'endsWith'] as const;
/** The size in KB and the age in days, as Thunderbird's "Size (KB)" and "Age in Days" are greater or less than. */
export const NUMBER_OPERATORS = ['isGreaterThan', 'isLessThan'] as const;
/** A status, a priority or a tag is or is not the message's, as Thunderbird's "Status", "Attachment Status", "Priority" and "Tags". */
export const STATUS_OPERATORS = ['is', 'isNot'] as const;
/** The body contains or does not contain the text: its whole, not its start or its end, is what one asks of a body. */
export const BODY_OPERATORS = ['contains', 'doesNotContain'] as const;
export const FILTER_OPERATORS = [...TEXT_OPERATORS, ...NUMBER_OPERATORS] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];
export type TextOperator = (typeof TEXT_OPERATORS)[number];
export type NumberOperator = (typeof NUMBER_OPERATORS)[number];

/** The statuses a condition asks about: a status condition's text is one of them. */
export const FILTER_STATUSES = ['read', 'flagged', 'answered', 'attachment'] as const;
export type FilterStatus = (typeof FILTER_STATUSES)[number];
/** The priorities a condition asks about (Thunderbird's "Priority is / isn't"), the three the list marks. */
export const FILTER_PRIORITIES = ['high', 'normal', 'low'] as const;
export type FilterPriority = (typeof FILTER_PRIORITIES)[number];

/** The fields whose text is picked from a list, with that list: a status, a priority, a tag. */
export function choicesFor(field: FilterField): readonly string[] | null {
  if (field === 'status') return FILTER_STATUSES;
  if (field === 'priority') return FILTER_PRIORITIES;
  return field === 'tag' ? MESSAGE_TAGS : null;
}

/** The fields whose text is a whole number (KB, days). */
export const isNumberField = (field: FilterField): field is 'size' | 'age' => field === 'size' || field === 'age';

/** The operators a field takes. */
export function operatorsFor(field: FilterField): readonly FilterOperator[] {
  if (isNumberField(field)) return NUMBER_OPERATORS;
  if (field === 'body') return BODY_OPERATORS;
  return choicesFor(field) ? STATUS_OPERATORS : TEXT_OPERATORS;
}

/** A header field's name as RFC 5322 allows it (printable ASCII but the colon), e.g. List-Id. */
export const HEADER_NAME = /^[!-9;-~]{1,76}$/;

/** A size's or an age's text: whole KB or days. */
const WHOLE = /^\d{1,9}$/;

export const FilterCondition = z
  .object({
    field: z.enum(FILTER_FIELDS),
    /** The header field a 'header' condition looks in (kept lower-case), and only there. */
    header: z.string().trim().toLowerCase().regex(HEADER_NAME, 'A header name is letters, digits and dashes, without a colon (e.g. List-Id).').optional(),
    operator: z.enum(FILTER_OPERATORS).default('contains'),
    text: z.string().trim().min(1).max(500),
  })
  .strict()
  .refine((condition) => (condition.field === 'header') === (condition.header !== undefined), { message: 'A header condition names its header field, and only it does.', path: ['header'] })
  .refine((condition) => operatorsFor(condition.field).includes(condition.operator), { message: 'That comparison does not go with that field.', path: ['operator'] })
  .refine((condition) => !isNumberField(condition.field) || WHOLE.test(condition.text), { message: 'A size or an age is a whole number (KB, days).', path: ['text'] })
  .refine((condition) => choicesFor(condition.field)?.includes(condition.text) ?? true, {
    message: `A status is one of ${FILTER_STATUSES.join(', ')}, a priority one of ${FILTER_PRIORITIES.join(', ')}, a tag one of ${MESSAGE_TAGS.join(', ')}.`, path: ['text'],
  });
export type FilterCondition = z.output<typeof FilterCondition>;

/** How a filter forwards: the original quoted in a new message, or attached whole (message/rfc822), as Thunderbird's "Forward as". */
export const FORWARD_AS = ['inline', 'attachment'] as const;
export type ForwardAs = (typeof FORWARD_AS)[number];

const Address = z.string().trim().toLowerCase().email().max(320);

/**
 * What a matching message gets. A redirect (Thunderbird's Redirect: the message sent on as it is), a forward
 * (a new message from the account, Fwd:) and a reply with a template go first, while the message is still where it arrived; a copy (to a
 * folder of the same account, or a local one) is made before a move; a move and a delete (to Trash) end the
 * filtering of that message.
 */
export const FilterActions = z
  .object({
    moveTo: z.number().int().positive().nullable().default(null),
    copyTo: z.number().int().positive().nullable().default(null),
    redirectTo: Address.nullable().default(null),
    forwardTo: Address.nullable().default(null),
    forwardAs: z.enum(FORWARD_AS).default('inline'),
    /** Thunderbird's Reply with Template: the template (a message in Local Folders ▸ Templates) sent as the reply. */
    replyTemplate: z.number().int().positive().nullable().default(null),
    markRead: z.boolean().default(false),
    flag: z.boolean().default(false),
    tag: z.enum(MESSAGE_TAGS).nullable().default(null),
    delete: z.boolean().default(false),
  })
  .strict()
  .refine((actions) => !(actions.delete && actions.moveTo !== null), { message: 'A filter either moves or deletes, not both.' })
  .refine((actions) => actions.delete || actions.moveTo !== null || actions.copyTo !== null || actions.redirectTo !== null || actions.forwardTo !== null
    || actions.replyTemplate !== null || actions.markRead || actions.flag || actions.tag !== null, {
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
    /**
     * Thunderbird's "Apply filter when": on new mail as it lands in the Inbox, after sending (on the Sent copy), and
     * periodically over the Inbox (every `app.periodicFilterMinutes`). None: the filter runs only when asked ("Run now").
     */
    runOn: z
      .object({ newMail: z.boolean().default(true), afterSending: z.boolean().default(false), periodically: z.boolean().default(false) })
      .strict()
      .default({ newMail: true, afterSending: false, periodically: false }),
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
  /** Copies made (a message copied by two filters counts twice). */
  copied: number;
  /** Messages sent on by a redirect (to each address once). */
  redirected: number;
  /** Redirects that could not be handed to the outbox (no SMTP server, the source unreadable): logged, the rest done. */
  redirectsFailed: number;
  /** Messages forwarded (to each address once). */
  forwarded: number;
  /** Forwards that could not be handed to the outbox: logged, the rest done. */
  forwardsFailed: number;
  /** Messages answered with a template. */
  replied: number;
  /** Replies that could not be made (the template gone, no outgoing server): logged, the rest done. */
  repliesFailed: number;
  /** Filters whose folder is gone (deleted elsewhere): they did nothing (not half: no mark read without the move), and are turned off. */
  missingFolders: number[];
  /**
   * Messages whose header fields or body a condition asked for and that could not be read (offline, gone from the
   * server): those conditions did not hold for them, either way, so no filter acted on what it could not see.
   */
  unreadable: number;
}

/**
 * One thing a filter did to a message, as the Filter Log keeps it: folders by their path then (`local`: one of the
 * Local Folders); a change the server then refused (`refused`: the replay's operation.failed, e.g. the folder
 * deleted elsewhere), its local effect since undone; a redirect, a forward or a template reply with how it went
 * (sent, skipped as a loop or a robot's mail, or failed, with why).
 */
export type FilterLogAction =
  | ({ kind: 'move' | 'copy'; folder: string; local?: true } & Refusable)
  | ({ kind: 'delete' | 'markRead' | 'flag' } & Refusable)
  | ({ kind: 'tag'; tag: MessageTag } & Refusable)
  | ({ kind: 'redirect' | 'forward'; to: string } & SendResult)
  | ({ kind: 'reply'; template: string } & SendResult);

/** A change to the mail, which the server may refuse after the log was written. */
interface Refusable {
  refused?: ErrorShape;
}

/** How a redirect, a forward or a reply went; `error` why it failed. */
export interface SendResult {
  outcome: SendOutcome;
  error?: ErrorShape;
}

/**
 * How a redirect, a forward or a reply went: `sentBefore` when a filter sent that message there already (a periodic
 * run, a second "Run now"), so not again.
 */
export type SendOutcome = 'sent' | 'skipped' | 'sentBefore' | 'failed';

/** One line of the Filter Log: when, which filter (its name then; its id while it lasts), which message, what it did. */
export interface FilterLogEntry {
  id: number;
  at: number;
  filterId: number;
  filterName: string;
  from: Address;
  subject: string;
  did: FilterLogAction[];
}
