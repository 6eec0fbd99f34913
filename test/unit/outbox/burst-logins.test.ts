import { describe, expect, it } from 'vitest';
import { BurstLogins } from '../../../src-main/outbox/burst-logins';
import type { SmtpLogin } from '../../../src-main/smtp/smtp-transport';

/** A login source that counts its reads; each read gives a new password, so a test sees which read a send got. */
function countedLogins() {
  let reads = 0;
  const loginFor = (accountId: number): SmtpLogin => {
    reads += 1;
    return { server: { host: 'smtp.example.test', port: 465, security: 'tls', user: `u${accountId}` }, password: `read ${reads}`, allowPlaintext: false, pin: null };
  };
  return { logins: new BurstLogins(loginFor), reads: () => reads };
}

/** A send that ends when told, to hold a burst open. */
function heldSend() {
  let release!: () => void;
  const ended = new Promise<void>((resolve) => (release = resolve));
  let password = '';
  const send = async (login: SmtpLogin) => {
    password = login.password;
    await ended;
    return login.password;
  };
  return { send, release: () => release(), password: () => password };
}

describe('BurstLogins: one login read per burst of sends on an account', () => {
  it('sends under way together share one read; per account', async () => {
    const { logins, reads } = countedLogins();
    const held = [heldSend(), heldSend(), heldSend()];
    const sends = held.map((h) => logins.during(1, h.send));
    const other = logins.during(2, async (login) => login.server.user);
    expect(await other).toBe('u2');
    held.forEach((h) => h.release());
    expect(await Promise.all(sends)).toEqual(['read 1', 'read 1', 'read 1']);
    expect(reads()).toBe(2);
  });

  it('a send after the burst ended reads the login again (an edited password is used)', async () => {
    const { logins, reads } = countedLogins();
    expect(await logins.during(1, async (login) => login.password)).toBe('read 1');
    expect(await logins.during(1, async (login) => login.password)).toBe('read 2');
    expect(reads()).toBe(2);
  });

  it('a failed send ends the sharing: sends joining after it read the login again, while those under way finish', async () => {
    const { logins } = countedLogins();
    const first = heldSend();
    const underWay = logins.during(1, first.send);
    await expect(logins.during(1, async () => { throw new Error('535 authentication failed'); })).rejects.toThrow('535');
    const later = await logins.during(1, async (login) => login.password);
    first.release();
    expect(await underWay).toBe('read 1');
    expect(later).toBe('read 2');
  });

  it('a login that cannot be read fails the sends that wanted it, and the next burst tries again', async () => {
    let fail = true;
    const logins = new BurstLogins(() => {
      if (fail) throw new Error('the keyring is locked');
      return { server: { host: 'h', port: 465, security: 'tls', user: 'u' }, password: 'p', allowPlaintext: false, pin: null };
    });
    await expect(logins.during(1, async () => 'sent')).rejects.toThrow('keyring');
    fail = false;
    expect(await logins.during(1, async (login) => login.password)).toBe('p');
  });
});
