import { describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../../src-main/ipc/dispatch';
import { WrenError } from '../../../src-main/errors/wren-error';

const handlers = {
  'messages.list': (params: unknown) => ({ echoed: params }),
} as unknown as Handlers;

async function failure(method: unknown, params: unknown): Promise<WrenError> {
  try {
    await dispatch(handlers, method, params);
  } catch (error) {
    return error as WrenError;
  }
  throw new Error('dispatch did not fail');
}

describe('dispatch (the request boundary)', () => {
  it('validates params and fills defaults before the handler sees them', async () => {
    await expect(dispatch(handlers, 'messages.list', { folderId: 3 })).resolves.toEqual({ echoed: { folderId: 3, offset: 0, limit: 200, sort: { by: 'date', descending: true }, filter: {} } });
  });

  it('rejects an unknown method with UnknownMethod, including prototype names', async () => {
    expect((await failure('accounts.hack', {})).code).toBe('UnknownMethod');
    expect((await failure('__proto__', {})).code).toBe('UnknownMethod');
    expect((await failure(42, {})).code).toBe('UnknownMethod');
  });

  it('rejects malformed params with BadRequest naming the field', async () => {
    const error = await failure('messages.list', { folderId: 'three' });
    expect(error.code).toBe('BadRequest');
    expect(error.message).toMatch(/folderId/);
    expect((await failure('messages.list', { folderId: 1, extra: true })).code).toBe('BadRequest');
    expect((await failure('messages.list', 'not an object')).code).toBe('BadRequest');
  });

  it('refuses an account draft with a bad fingerprint or host', async () => {
    const draft = { name: 'x', email: 'a@b.test', incoming: { host: 'bad host', port: 993, security: 'tls', user: 'u' }, password: 'p' };
    expect((await failure('accounts.add', draft)).message).toMatch(/incoming\.host/);
    const pinned = { ...draft, incoming: { ...draft.incoming, host: 'ok.test' }, trustedCertSha256: 'AB:CD' };
    expect((await failure('accounts.add', pinned)).message).toMatch(/trustedCertSha256/);
  });
});
