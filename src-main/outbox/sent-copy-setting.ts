import type { SettingsService } from '../settings/settings-service';
import type { Store } from '../store/store';

/**
 * The one per-account switch for the Sent copy: `saveSentCopy` in
 * settings.json (the Settings screen, `wren settings set`, `outbox.setSentCopy`
 * and the detection of a server that files sent mail itself all write it; the
 * outbox reads it at each send, so a change applies without a restart).
 */
export class SentCopySetting {
  constructor(private readonly settings: SettingsService) {}

  keeps(accountId: number): boolean {
    return this.settings.forAccount(accountId).saveSentCopy;
  }

  set(accountId: number, keep: boolean): void {
    if (this.keeps(accountId) === keep) return;
    this.settings.update({ accounts: { [String(accountId)]: { saveSentCopy: keep } } });
  }

  /**
   * An older Wren kept "off" (or "the server files it") in the store: carried
   * into settings.json once. The store forgets it only after the file is
   * written: a failed write (a full disk) leaves it for the next start, and
   * the app opens all the same.
   */
  carryOverFrom(store: Store): void {
    const off = store.outbox.legacySentCopyOff();
    if (off.length === 0) return;
    try {
      for (const accountId of off) {
        if (store.accounts.get(accountId)) this.set(accountId, false);
      }
    } catch (error) {
      // The app still opens; the next start tries again.
      console.warn('[wren] could not carry the Sent copy setting into settings.json:', (error as Error).message);
      return;
    }
    store.write(() => store.outbox.forgetLegacySentCopy());
  }
}
