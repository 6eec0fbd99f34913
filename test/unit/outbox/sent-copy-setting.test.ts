import { afterEach, describe, expect, it } from 'vitest';
import { SentCopySetting } from '../../../src-main/outbox/sent-copy-setting';
import type { SettingsService } from '../../../src-main/settings/settings-service';
import type { Store } from '../../../src-main/store/store';
import { insertAccountRow, tempStore } from '../store/temp-store';

let dispose: () => void = () => undefined;
afterEach(() => dispose());

/** A store where an older Wren kept the Sent copy off for one account, in outbox_settings. */
function storeWithLegacyOff(): { store: Store; accountId: number } {
  const t = tempStore();
  dispose = t.dispose;
  const { store } = t;
  const accountId = insertAccountRow(store, 'me@test.org');
  store.db.prepare("INSERT INTO outbox_settings (account_id, sent_copy) VALUES (?, 'off')").run(accountId);
  return { store, accountId };
}

/** Settings that keep the copy on until told, and whose file write fails while `diskFull` is set. */
function settings(state: { diskFull: boolean; saved: Record<string, unknown>[] }): SettingsService {
  return {
    forAccount: () => ({ saveSentCopy: true }),
    update: (patch: Record<string, unknown>) => {
      if (state.diskFull) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      state.saved.push(patch);
    },
  } as unknown as SettingsService;
}

describe('SentCopySetting.carryOverFrom', () => {
  it('moves an older "off" into settings.json, then forgets it in the store', () => {
    const { store, accountId } = storeWithLegacyOff();
    const state = { diskFull: false, saved: [] as Record<string, unknown>[] };
    new SentCopySetting(settings(state)).carryOverFrom(store);
    expect(state.saved).toEqual([{ accounts: { [String(accountId)]: { saveSentCopy: false } } }]);
    expect(store.outbox.legacySentCopyOff()).toEqual([]);
  });

  it('keeps it in the store when settings.json cannot be written, for the next start, and does not stop the app opening', () => {
    const { store, accountId } = storeWithLegacyOff();
    const state = { diskFull: true, saved: [] as Record<string, unknown>[] };
    new SentCopySetting(settings(state)).carryOverFrom(store);
    expect(store.outbox.legacySentCopyOff()).toEqual([accountId]);
  });
});
