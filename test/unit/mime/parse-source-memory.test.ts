import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSource } from '../../../src-main/mime/parse-source';

const ATTACHMENT_BYTES = 60 * 1024 * 1024;
/**
 * Peak RSS growth allowed while parsing. Streaming, the growth is the
 * garbage of passed chunks that V8 has not collected yet, bounded by its GC
 * rather than by the file: measured on Node 20, 26–33 MB with a 20 MB
 * attachment and 30–33 MB with 60 MB. A parser that holds the attachment
 * grows by more than the attachment itself (47 MB for mailparser's
 * simpleParser with 20 MB). So the attachment is 60 MB and the bar 45 MB:
 * clear of the streaming case's GC noise (a 30 MB bar with 20 MB failed under
 * a loaded full run), far under what holding it costs.
 */
const MAX_RSS_GROWTH = 45 * 1024 * 1024;

const dir = mkdtempSync(path.join(tmpdir(), 'wren-mime-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a message with a 60 MB base64 attachment to disk, never holding it whole; returns its SHA-256. */
async function writeBigMessage(file: string): Promise<string> {
  const hash = createHash('sha256');
  async function* lines() {
    yield 'From: a@example.test\r\nSubject: big\r\nDate: Mon, 02 Jun 2025 09:30:00 +0000\r\n';
    yield 'Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nbig file attached\r\n';
    yield '--b\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename="big.bin"\r\n\r\n';
    const block = 57 * 1024; // 57 bytes encode to one 76-character line
    for (let offset = 0; offset < ATTACHMENT_BYTES; offset += block) {
      const data = Buffer.alloc(Math.min(block, ATTACHMENT_BYTES - offset), offset % 251);
      data.writeUInt32LE(offset, 0);
      hash.update(data);
      yield `${(data.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n')}\r\n`;
    }
    yield '--b--\r\n';
  }
  await pipeline(lines(), createWriteStream(file));
  return hash.digest('hex');
}

describe('parseSource memory', () => {
  it('streams a 60 MB attachment through onAttachment without holding it', async () => {
    const file = path.join(dir, 'big.eml');
    const sha256 = await writeBigMessage(file);
    let received = 0;
    const sink = () => new Writable({ write(chunk: Buffer, _encoding, done) { received += chunk.length; done(); } });

    // parseSource loads mailparser on first use: load it first, so the window below measures the parse alone.
    await parseSource(Buffer.from('Subject: warm-up\r\n\r\nx\r\n'));
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const parsed = await parseSource(createReadStream(file), { onAttachment: (_meta, content) => pipeline(content, sink()) });
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);

    expect(received).toBe(ATTACHMENT_BYTES);
    expect(parsed.attachments).toEqual([
      { partId: '2', filename: 'big.bin', contentType: 'application/octet-stream', contentId: null, inline: false, size: ATTACHMENT_BYTES, sha256 },
    ]);
    expect(parsed.text).toBe('big file attached');
    expect(parsed.warnings).toEqual([]);
    expect(peak - before).toBeLessThan(MAX_RSS_GROWTH);
  }, 60_000);
});
