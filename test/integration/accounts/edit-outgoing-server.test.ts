import { describe, expect, it } from 'vitest';
import { freePorts } from '../../lab/net-util';
import { useLabAccount } from './lab-account';

/**
 * The outgoing (SMTP) server of an account is edited like the incoming one: tested with a login
 * before it is saved, so a slip in its port or host is said at once, not at the next send.
 */
describe('editing the outgoing server', () => {
  const fixture = useLabAccount();
  const saved = () => fixture.wren.core.accounts.require(fixture.accountId).smtp;

  it('refuses an outgoing server nothing answers on, and keeps the one that works', async () => {
    const { lab, wren, accountId } = fixture;
    const before = saved();
    const nowhere = { host: lab.host, port: (await freePorts(1))[0]!, security: 'starttls' as const, user: lab.users[0]!.email };
    await expect(wren.call('accounts.update', { accountId, smtp: nowhere })).rejects.toMatchObject({ code: 'ConnectionRefused', details: { protocol: 'smtp' } });
    expect(saved()).toEqual(before);
  });

  it('refuses an outgoing user name the server does not know', async () => {
    const { wren, accountId } = fixture;
    const before = saved();
    const stranger = { ...before!, user: 'nobody@example.test' };
    await expect(wren.call('accounts.update', { accountId, smtp: stranger })).rejects.toMatchObject({ code: 'AuthFailed', details: { protocol: 'smtp' } });
    expect(saved()).toEqual(before);
  });

  it('saves an outgoing server that logs in (implicit TLS instead of STARTTLS)', async () => {
    const { lab, wren, accountId } = fixture;
    const smtps = { host: lab.host, port: lab.ports.smtps, security: 'tls' as const, user: lab.users[0]!.email };
    const edited = await wren.call('accounts.update', { accountId, smtp: smtps });
    expect(edited.smtp).toEqual(smtps);
    expect(saved()).toEqual(smtps);
  });
});
