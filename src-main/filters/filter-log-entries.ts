import type { FilterLogAction, MessageFilter } from '../ipc/filter-shapes';
import type { NewFilterLogEntry } from '../store/filter-log-repo';
import type { FolderRecord } from '../store/folders-repo';
import type { Decision } from './filter-runner';

/**
 * The Filter Log's lines for what a run decided: one per message and matching filter, with what that filter did
 * (a copy or a move into the folder it is in already is none; only the filter whose template answered has the
 * reply; a redirect or forward to an address two filters name is done once, and both say how it went).
 */
export function filterLogEntries(
  decisions: readonly Decision[],
  folderOf: (folderId: number) => FolderRecord | undefined,
  subjectOf: (messageId: number) => string | undefined,
): NewFilterLogEntry[] {
  const folder = (folderId: number) => {
    const found = folderOf(folderId);
    return found ? { folder: found.path, ...(found.accountId === null && { local: true as const }) } : { folder: `#${folderId}` };
  };
  return decisions.flatMap((decision) => {
    const { message } = decision;
    let replied = false;
    return decision.matchedBy.map((filter) => {
      const did = actionsDone(filter, decision, folder, (templateId) => {
        if (replied || decision.replyWith !== templateId) return null;
        replied = true;
        return subjectOf(templateId) ?? `#${templateId}`;
      });
      return { filterId: filter.id, filterName: filter.name, from: message.from, subject: message.subject, did };
    });
  });
}

function actionsDone(
  filter: MessageFilter,
  decision: Decision,
  folder: (folderId: number) => { folder: string; local?: true },
  replyTemplate: (templateId: number) => string | null,
): FilterLogAction[] {
  const { actions } = filter;
  const { message, outcomes } = decision;
  const did: FilterLogAction[] = [];
  if (actions.redirectTo !== null) did.push({ kind: 'redirect', to: actions.redirectTo, outcome: outcomes.get(`redirect ${actions.redirectTo}`) ?? 'failed' });
  if (actions.forwardTo !== null) did.push({ kind: 'forward', to: actions.forwardTo, outcome: outcomes.get(`forward ${actions.forwardTo}`) ?? 'failed' });
  const template = actions.replyTemplate === null ? null : replyTemplate(actions.replyTemplate);
  if (template !== null) did.push({ kind: 'reply', template, outcome: outcomes.get('reply') ?? 'failed' });
  if (actions.markRead) did.push({ kind: 'markRead' });
  if (actions.flag) did.push({ kind: 'flag' });
  if (actions.tag) did.push({ kind: 'tag', tag: actions.tag });
  if (actions.copyTo !== null && actions.copyTo !== message.folderId) did.push({ kind: 'copy', ...folder(actions.copyTo) });
  if (actions.delete) did.push({ kind: 'delete' });
  else if (actions.moveTo !== null && actions.moveTo !== message.folderId) did.push({ kind: 'move', ...folder(actions.moveTo) });
  return did;
}
