import type { MessageSummary } from '../../../src-main/ipc/contract';
import type { StringKey } from '../../i18n/en';
import { commandEntries, type MessageCommands } from './message-commands';

export interface WritingCommands {
  compose(): void;
  reply(): void;
  replyAll(): void;
  forward(): void;
  /** The whole original as a message/rfc822 attachment. */
  forwardAttachment(): void;
  /** Thunderbird's Redirect: the original sent on as it is, to new recipients. */
  redirect(): void;
  editDraft(): void;
  /** A new message from this one (its recipients, subject, text and files), which stays as it was. */
  editAsNew(): void;
  /** Thunderbird's Edit Template: the template itself, which saving as a template replaces. */
  editTemplate(): void;
  /** Not writing, but like these it acts on the one open message. */
  print(): void;
  /** The whole message as a .eml file. */
  saveAs(): void;
}

/** One action of the toolbar, shown as a button or, when the line is full, in its More menu. */
export interface ToolbarItem {
  id: string;
  label: StringKey;
  icon: string;
  run(): void;
  disabled: boolean;
  danger?: boolean;
}

interface ItemSources {
  commands: MessageCommands;
  rows: MessageSummary[];
  writing: WritingCommands;
  inDrafts: boolean;
  /** In Local Folders ▸ Templates: a message starts a new one, it is not answered. */
  inTemplates?: boolean;
  /** In a Junk folder, Junk turns into Not junk. */
  inJunk?: boolean;
  /** How many messages are selected. */
  count: number;
}

/** The toolbar's actions in order: writing first, then what acts on the selection. */
export function toolbarItems({ commands, rows, writing, inDrafts, inTemplates = false, inJunk = false, count }: ItemSources): ToolbarItem[] {
  const answers: ToolbarItem[] = inDrafts
    ? [{ id: 'edit-draft', label: 'actions.editDraft', icon: '✎', run: writing.editDraft, disabled: count !== 1 }]
    : inTemplates
    ? [
        { id: 'use-template', label: 'actions.useTemplate', icon: '✎', run: writing.editAsNew, disabled: count !== 1 },
        { id: 'edit-template', label: 'actions.editTemplate', icon: '🛠', run: writing.editTemplate, disabled: count !== 1 },
      ]
    : [
        { id: 'reply', label: 'actions.reply', icon: '↩', run: writing.reply, disabled: count !== 1 },
        { id: 'reply-all', label: 'actions.replyAll', icon: '⤺', run: writing.replyAll, disabled: count !== 1 },
        { id: 'forward', label: 'actions.forward', icon: '↪', run: writing.forward, disabled: count !== 1 },
      ];
  // Last, so they are the first to go into More when the line is short: Delete and Archive are reached for far more often.
  const rarer: ToolbarItem[] = [
    ...(inDrafts ? [] : [
      { id: 'forward-attachment', label: 'actions.forwardAttachment' as const, icon: '📎', run: writing.forwardAttachment, disabled: count !== 1 },
      { id: 'redirect', label: 'actions.redirect' as const, icon: '➦', run: writing.redirect, disabled: count !== 1 },
    ]),
    { id: 'edit-as-new', label: 'actions.editAsNew', icon: '📝', run: writing.editAsNew, disabled: count !== 1 },
    { id: 'print', label: 'actions.print', icon: '🖨', run: writing.print, disabled: count !== 1 },
    { id: 'save-as', label: 'actions.saveAs', icon: '💾', run: writing.saveAs, disabled: count !== 1 },
  ];
  const selection = commandEntries(commands, rows, inJunk).map((entry) => ({ ...entry, disabled: count === 0 }));
  const compose: ToolbarItem = { id: 'compose', label: 'actions.compose', icon: '✉', run: writing.compose, disabled: false };
  // With several selected the answers can do nothing: they step behind what acts on the selection,
  // so on a short line they, not Mark as read or Move, go into More (as Gmail's toolbar turns to bulk actions).
  return count > 1 ? [compose, ...selection, ...answers, ...rarer] : [compose, ...answers, ...selection, ...rarer];
}
