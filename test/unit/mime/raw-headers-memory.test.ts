import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { decodeEncodedWords, forgetDecodedWords } from '../../../src-main/mime/encoded-words';
import { readHeaderFields } from '../../../src-main/mime/header-fields';
import { splitHeaderBlock } from '../../../src-main/mime/raw-headers';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const MESSAGES = 40;
const BODY_BYTES = 2 * 1024 * 1024;

/** A message whose body is far larger than its headers, with a subject of encoded words (memoized when decoded). */
function bigMessage(n: number): Buffer {
  const head = `From: Ann <ann@example.test>\r\nSubject: =?UTF-8?B?${Buffer.from(`报告 ${n}`).toString('base64')}?=\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), Buffer.alloc(BODY_BYTES, 0x61)]);
}

/**
 * The heap and what it holds outside (Node keeps the text of a large Buffer.toString there), once
 * collected. V8 frees dead buffers' memory on a background thread after a GC, which on a loaded
 * machine (CI runs the test files in parallel) lags: the lowest of a few readings, a little apart,
 * is what is really held. Memory a kept value holds never goes, however often it is read.
 */
async function heapAfterGc(): Promise<number> {
  let lowest = Infinity;
  for (let reading = 0; reading < 5; reading++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const { heapUsed, external } = process.memoryUsage();
    lowest = Math.min(lowest, heapUsed + external);
  }
  return lowest;
}

/**
 * Header values kept after the message is gone (a record being built, the encoded-word memo) must
 * not keep the message's text alive: a value sliced out of a string of the whole message did, and a
 * 300 MB mbox import then peaked at 241 MB where it had taken 139 MB.
 */
describe('header values read from a whole message', () => {
  it('keep none of its body alive', async () => {
    forgetDecodedWords();
    const before = await heapAfterGc();
    const kept: string[] = [];
    for (let n = 0; n < MESSAGES; n++) {
      const headers = splitHeaderBlock(bigMessage(n));
      kept.push(...headers.map((header) => header.value));
      kept.push(readHeaderFields(headers).subject);
      kept.push(decodeEncodedWords(headers.find((header) => header.name === 'subject')!.value).text);
    }
    const grown = (await heapAfterGc()) - before;
    expect(kept).toContain('报告 7');
    // Held bodies would be MESSAGES x 2 MB of text (80 MB).
    expect(grown).toBeLessThan(8 * 1024 * 1024);
  });
});
