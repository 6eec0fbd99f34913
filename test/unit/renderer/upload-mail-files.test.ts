// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { uploadMailFile } from '../../../src-renderer/client/upload-mail-files';

const file = () => new File(['From: a@example.test\r\n\r\nhi\r\n'], 'old-mail.mbox');
const answer = (body: string, status: number, type: string) =>
  vi.stubGlobal('fetch', vi.fn(async () => new Response(body, { status, headers: { 'content-type': type } })));

afterEach(() => vi.unstubAllGlobals());

describe('the web mode’s upload of a mail file', () => {
  it('gives the number of messages the core imported and skipped', async () => {
    answer('{"imported":3,"skipped":1,"files":1}', 200, 'application/json');
    await expect(uploadMailFile(4, file())).resolves.toEqual({ imported: 3, skipped: 1 });
  });

  it('passes the core’s own error on', async () => {
    answer('{"code":"NotMailFile","message":"not an mbox"}', 400, 'application/json');
    await expect(uploadMailFile(4, file())).rejects.toMatchObject({ code: 'NotMailFile', message: 'not an mbox' });
  });

  it('a reply that is not JSON (a proxy’s page) is a clear error naming the file, never NaN messages', async () => {
    answer('<html>Welcome to the hotel Wi-Fi</html>', 200, 'text/html');
    await expect(uploadMailFile(4, file())).rejects.toMatchObject({
      code: 'Internal',
      message: expect.stringContaining('old-mail.mbox'),
      details: { file: 'old-mail.mbox', status: 200 },
    });
  });

  it('a failed reply that is not JSON says its HTTP status', async () => {
    answer('Bad gateway', 502, 'text/plain');
    await expect(uploadMailFile(4, file())).rejects.toMatchObject({ code: 'Internal', message: expect.stringContaining('HTTP 502') });
  });
});
