import { describe, expect, it } from 'vitest';
import { isTemplatesFolder, listRoleOf } from '../../../src-main/ipc/contract-constants';

describe('isTemplatesFolder', () => {
  it('is Local Folders ▸ Templates, and an account\'s own Templates at the top or under INBOX (Thunderbird\'s place)', () => {
    expect(isTemplatesFolder({ accountId: null, path: 'Templates' })).toBe(true);
    expect(isTemplatesFolder({ accountId: 3, path: 'Templates' })).toBe(true);
    expect(isTemplatesFolder({ accountId: 3, path: 'templates' })).toBe(true);
    expect(isTemplatesFolder({ accountId: 3, path: 'INBOX.Templates' })).toBe(true);
    expect(isTemplatesFolder({ accountId: 3, path: 'INBOX/Templates' })).toBe(true);
  });

  it('is no other folder: a local one named so deeper down, an account\'s deeper one, one named like it', () => {
    expect(isTemplatesFolder({ accountId: null, path: 'Work/Templates' })).toBe(false);
    expect(isTemplatesFolder({ accountId: null, path: 'templates' })).toBe(false);
    expect(isTemplatesFolder({ accountId: 3, path: 'Projects/Templates' })).toBe(false);
    expect(isTemplatesFolder({ accountId: 3, path: 'Templates old' })).toBe(false);
    expect(isTemplatesFolder({ accountId: 3, path: 'INBOX' })).toBe(false);
  });

  it('lists a folder of templates as Drafts (the recipients shown and sorted by), any other by its own role', () => {
    expect(listRoleOf({ accountId: 3, path: 'Templates', role: null })).toBe('drafts');
    expect(listRoleOf({ accountId: null, path: 'Templates', role: null })).toBe('drafts');
    expect(listRoleOf({ accountId: 3, path: 'Sent', role: 'sent' })).toBe('sent');
    expect(listRoleOf({ accountId: 3, path: 'Projects', role: null })).toBeNull();
  });
});
