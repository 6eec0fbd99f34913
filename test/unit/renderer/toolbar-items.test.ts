import { describe, expect, it } from 'vitest';
import type { MessageCommands } from '../../../src-renderer/components/MessageToolbar/message-commands';
import { toolbarItems, type WritingCommands } from '../../../src-renderer/components/MessageToolbar/toolbar-items';

const none = () => undefined;
const commands: MessageCommands = { delete: none, archive: none, move: none, copy: none, setSeen: none, setFlagged: none, setJunk: none };
const calls: string[] = [];
const writing: WritingCommands = {
  compose: () => calls.push('compose'), reply: () => calls.push('reply'), replyAll: () => calls.push('replyAll'), forward: () => calls.push('forward'),
  forwardAttachment: () => calls.push('forwardAttachment'), editDraft: () => calls.push('editDraft'), editAsNew: () => calls.push('editAsNew'), editTemplate: () => calls.push('editTemplate'),
  print: () => calls.push('print'), saveAs: () => calls.push('saveAs'), redirect: () => calls.push('redirect'),
};
const ids = (inDrafts: boolean, count: number) => toolbarItems({ commands, rows: [], writing, inDrafts, count });

describe('the toolbar entries', () => {
  it('end with Forward as attachment, Redirect, Edit as new, Print and Save as file, so they are the first into More ▾; each acts on one message', () => {
    const items = ids(false, 1);
    expect(items.slice(-5).map((item) => item.id)).toEqual(['forward-attachment', 'redirect', 'edit-as-new', 'print', 'save-as']);
    items.slice(-5).forEach((item) => item.run());
    expect(calls.splice(0)).toEqual(['forwardAttachment', 'redirect', 'editAsNew', 'print', 'saveAs']);
    const rare = new Set(['forward-attachment', 'redirect', 'edit-as-new', 'print', 'save-as']);
    expect(ids(false, 2).filter((item) => rare.has(item.id)).map((item) => item.disabled)).toEqual([true, true, true, true, true]);
  });

  it('in Drafts: Edit draft instead of the answers, and Edit as new still (a fresh message from a draft, which stays)', () => {
    const shown = ids(true, 1).map((item) => item.id);
    expect(shown).toContain('edit-draft');
    expect(shown).toContain('edit-as-new');
    expect(shown).toContain('print');
    expect(shown).not.toContain('forward-attachment');
    expect(shown).not.toContain('redirect');
    expect(shown).not.toContain('reply');
  });

  it('in Local Folders ▸ Templates: New message from template instead of the answers', () => {
    const items = toolbarItems({ commands, rows: [], writing, inDrafts: false, inTemplates: true, count: 1 });
    const use = items.find((item) => item.id === 'use-template')!;
    expect(use.label).toBe('actions.useTemplate');
    use.run();
    expect(calls.splice(0)).toEqual(['editAsNew']);
    expect(items.map((item) => item.id)).not.toContain('reply');
  });

  it('with several selected, Reply, Reply all and Forward (which then do nothing) come after the selection\'s actions, so those stay on a short line (QA)', () => {
    const order = (count: number) => ids(false, count).map((item) => item.id);
    expect(order(1).indexOf('reply')).toBeLessThan(order(1).indexOf('mark-read'));
    const several = order(3);
    expect(several[0]).toBe('compose');
    expect(several.indexOf('forward')).toBeGreaterThan(several.indexOf('mark-read'));
    expect(several.indexOf('forward')).toBeLessThan(several.indexOf('forward-attachment'));
    expect(several.filter((id) => ['reply', 'reply-all', 'forward'].includes(id))).toHaveLength(3);
  });
});
