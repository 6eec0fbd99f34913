// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { AccountView, FolderView } from '../../../src-main/ipc/contract';
import { menuCommandAction } from '../../../src-renderer/components/MailView/menu-commands';
import { inboxFor } from '../../../src-renderer/components/MailView/use-mail-selection';

describe('the native menu\'s commands in the mail window', () => {
  it('are the settings, the threads switch or a shortcut\'s action', () => {
    expect(menuCommandAction('settings', null)).toBe('settings');
    expect(menuCommandAction('threads', null)).toBe('threads');
    expect(menuCommandAction('bodyAs', null)).toBe('bodyAs');
    expect(menuCommandAction('find', null)).toBe('find');
    expect(menuCommandAction('markRead', null)).toBe('markRead');
    expect(menuCommandAction('replyList', document.body)).toBe('replyList');
    // File ▸ New Message and Go ▸ Inbox did nothing in the desktop app before: their commands were never handled.
    expect(menuCommandAction('compose', null)).toBe('compose');
    expect(menuCommandAction('inbox', null)).toBe('inbox');
    // Message ▸ Redirect… has no key: it is only ever clicked, so it opens its dialog even from a field.
    expect(menuCommandAction('redirect', document.body)).toBe('redirect');
    // View ▸ Show / Hide Ignored Threads, and Message ▸ Mark Thread as Read (no key: Thunderbird's R is Reply here).
    expect(menuCommandAction('ignoredThreads', null)).toBe('ignoredThreads');
    expect(menuCommandAction('markThreadRead', document.body)).toBe('markThreadRead');
    // Message ▸ Ignore Thread is Shift+K's action.
    expect(menuCommandAction('ignoreThread', null)).toBe('ignoreThread');
    // Tools ▸ Address Book (Ctrl+Shift+B) is the shortcut's action.
    expect(menuCommandAction('addressBook', null)).toBe('addressBook');
  });

  it('leave Reply, Forward and the like alone while the user types, not the others', () => {
    const editor = document.createElement('textarea');
    document.body.append(editor);
    for (const command of ['reply', 'replyAll', 'replyList', 'forward', 'forwardAttachment', 'find'] as const) expect(menuCommandAction(command, editor)).toBeNull();
    expect(menuCommandAction('markRead', editor)).toBe('markRead');
    const search = document.createElement('input');
    document.body.append(search);
    expect(menuCommandAction('forward', search)).toBeNull();
  });
});

describe('Go ▸ Inbox', () => {
  const folder = (id: number, accountId: number, role: FolderView['role']) => ({ id, accountId, role, selectable: true } as FolderView);
  const accounts = [{ id: 1 }, { id: 2 }] as AccountView[];
  const folders = new Map([
    [1, { folders: [folder(10, 1, 'sent'), folder(11, 1, 'inbox')], error: null }],
    [2, { folders: [folder(20, 2, 'inbox')], error: null }],
  ]);

  it('opens the open folder\'s account\'s Inbox, else the first account\'s', () => {
    expect(inboxFor(2, accounts, folders)?.id).toBe(20);
    expect(inboxFor(null, accounts, folders)?.id).toBe(11);
    expect(inboxFor(3, accounts, folders)?.id).toBe(11);
  });
});
