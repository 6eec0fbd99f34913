import type { FilterLogAction, MessageFilter } from '../ipc/filter-shapes';
import type { NewFilterLogEntry, OperationLink } from '../store/filter-log-repo';
import type { FolderRecord } from '../store/folders-repo';
import type { Decision } from './filter-runner';

/**
 * Which journal operation carried a change to a message, by what it did: `flags` (read, flagged, tags), `copy
 * FOLDER`, `move FOLDER`, `delete`. Null when none did (a local change with nothing to replay).
 */
export type OperationOf = (messageId: number, change: string) => number | null;

/** What the lines are written from, besides the decisions. */
export interface LogSources {
  folderOf(folderId: number): FolderRecord | undefined;
  subjectOf(messageId: number): string | undefined;
  operationOf?: OperationOf;
}

/**
 * The Filter Log's lines for what a run decided: one per message and matching filter, with what that filter did
 * (a copy or a move into the folder it is in already is none; only the filter whose template answered has the
 * reply; a redirect or forward to an address two filters name is done once, and both say how it went; a filter
 * left with nothing to do, its folder gone, has no line), and which
 * operation carried each change, so that the server's refusal can be written in later.
 */
export function filterLogEntries(decisions: readonly Decision[], sources: LogSources): NewFilterLogEntry[] {
  const folder = (folderId: number) => {
    const found = sources.folderOf(folderId);
    return found ? { folder: found.path, ...(found.accountId === null && { local: true as const }) } : { folder: `#${folderId}` };
  };
  return decisions.flatMap((decision) => {
    const { message } = decision;
    let replied = false;
    return decision.matchedBy.flatMap((filter) => {
      const done = actionsDone(filter, decision, folder, (templateId) => {
        if (replied || decision.replyWith !== templateId) return null;
        replied = true;
        return sources.subjectOf(templateId) ?? `#${templateId}`;
      });
      // A filter left with nothing to do (its folder gone) did nothing worth a line.
      if (done.length === 0) return [];
      const operations = links(done, message, sources);
      return {
        filterId: filter.id, filterName: filter.name, from: message.from, subject: message.subject, did: done.map(({ action }) => action),
        ...(operations.length > 0 && { operations }),
      };
    });
  });
}

/** An action done, and which change of the message's carried it (see OperationOf), if any. */
interface Done {
  action: FilterLogAction;
  change: string | null;
}

/** Each change's operation, with the message's Message-ID: a failure that names the messages it missed marks only theirs. */
function links(done: Done[], message: Decision['message'], sources: LogSources): OperationLink[] {
  const found: OperationLink[] = [];
  done.forEach(({ change }, actionIndex) => {
    const operationId = change === null ? null : (sources.operationOf?.(message.id, change) ?? null);
    if (operationId !== null) found.push({ actionIndex, operationId, messageId: message.messageId });
  });
  return found;
}

function actionsDone(
  filter: MessageFilter,
  decision: Decision,
  folder: (folderId: number) => { folder: string; local?: true },
  replyTemplate: (templateId: number) => string | null,
): Done[] {
  const { actions } = filter;
  const { message, outcomes } = decision;
  const did: Done[] = [];
  const add = (action: FilterLogAction, change: string | null = null) => did.push({ action, change });
  // Sent there before (a periodic run, a second "Run now"), or a flag the message had: nothing done this time.
  const sending = (key: string) => {
    const result = outcomes.get(key) ?? { outcome: 'failed' };
    return result.outcome === 'sentBefore' ? null : result;
  };
  for (const [kind, to] of [['redirect', actions.redirectTo], ['forward', actions.forwardTo]] as const) {
    const result = to === null ? null : sending(`${kind} ${to}`);
    if (to !== null && result) add({ kind, to, ...result });
  }
  const template = actions.replyTemplate === null ? null : replyTemplate(actions.replyTemplate);
  const reply = template === null ? null : sending('reply');
  if (template !== null && reply) add({ kind: 'reply', template, ...reply });
  if (actions.markRead && !message.seen) add({ kind: 'markRead' }, 'flags');
  if (actions.flag && !message.flagged) add({ kind: 'flag' }, 'flags');
  if (actions.tag && !message.keywords.includes(actions.tag)) add({ kind: 'tag', tag: actions.tag }, 'flags');
  if (actions.copyTo !== null && actions.copyTo !== message.folderId) add({ kind: 'copy', ...folder(actions.copyTo) }, `copy ${actions.copyTo}`);
  if (actions.delete) add({ kind: 'delete' }, 'delete');
  else if (actions.moveTo !== null && actions.moveTo !== message.folderId) add({ kind: 'move', ...folder(actions.moveTo) }, `move ${actions.moveTo}`);
  return did;
}
