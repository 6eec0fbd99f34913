import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { messageBytes } from '../../../src-main/outbox/message-bytes';

describe('messageBytes', () => {
  it('gives the stream\'s bytes in order, in one Buffer', async () => {
    const chunks = [Buffer.from('Subject: a\r\n'), Buffer.from('\r\n'), Buffer.from('café\r\n')];
    const bytes = await messageBytes(Readable.from(chunks, { objectMode: false }));
    expect(bytes).toEqual(Buffer.concat(chunks));
  });

  it('gives an empty Buffer for an empty stream', async () => {
    expect(await messageBytes(Readable.from([], { objectMode: false }))).toEqual(Buffer.alloc(0));
  });

  it('fails with the stream\'s error (an attachment gone while the message was built)', async () => {
    const failing = Readable.from(
      (async function* () {
        yield Buffer.from('Subject: a\r\n');
        throw new Error('the staged file is gone');
      })(),
    );
    await expect(messageBytes(failing)).rejects.toThrow('the staged file is gone');
  });
});
