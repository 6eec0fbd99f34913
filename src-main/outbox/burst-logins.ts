import type { SmtpLogin } from '../smtp/smtp-transport';

interface Burst {
  login: Promise<SmtpLogin>;
  sends: number;
}

/**
 * Each account's SMTP login while a burst of its sends is under way: read
 * (and its password decrypted) once per burst rather than once per message,
 * which cost the core's thread about 0.2 ms each. Forgotten when the burst
 * ends or one of its sends fails, so an edited password or a renewed token
 * is read again for the sends that follow.
 */
export class BurstLogins {
  private readonly bursts = new Map<number, Burst>();

  constructor(private readonly loginFor: (accountId: number) => SmtpLogin | Promise<SmtpLogin>) {}

  /** Runs `send` with the account's login, shared with the other sends of the burst. */
  async during<T>(accountId: number, send: (login: SmtpLogin) => Promise<T>): Promise<T> {
    const burst = this.join(accountId);
    try {
      return await send(await burst.login);
    } catch (error) {
      this.forget(accountId, burst);
      throw error;
    } finally {
      burst.sends -= 1;
      if (burst.sends === 0) this.forget(accountId, burst);
    }
  }

  private join(accountId: number): Burst {
    let burst = this.bursts.get(accountId);
    if (!burst) {
      burst = { login: Promise.resolve().then(() => this.loginFor(accountId)), sends: 0 };
      this.bursts.set(accountId, burst);
    }
    burst.sends += 1;
    return burst;
  }

  private forget(accountId: number, burst: Burst): void {
    if (this.bursts.get(accountId) === burst) this.bursts.delete(accountId);
  }
}
