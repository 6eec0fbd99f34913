import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { quotableHtml } from '../../../src-main/compose/quotable-html';
import { stageQuotedPictures } from '../../../src-main/compose/quoted-pictures';
import { AttachmentStaging } from '../../../src-main/outbox/attachment-staging';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const dirs: string[] = [];

function staging(): AttachmentStaging {
  const dir = mkdtempSync(join(tmpdir(), 'wren-quoted-pictures-'));
  dirs.push(dir);
  return new AttachmentStaging(dir);
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the pictures an answer quotes', () => {
  it('stages each data: picture once, with a Content-ID of its own that the quote names by cid:', async () => {
    const html = `<p>a <img src="data:image/png;base64,${PNG}"> b <img src='data:image/png;base64,${PNG}'></p>`;
    const pictures = await stageQuotedPictures(html, staging());
    expect(pictures.attachments).toEqual([
      { stagedId: expect.any(String), filename: 'picture-1.png', contentType: 'image/png', size: 70, contentId: expect.stringMatching(/@wren$/) },
    ]);
    const cid = pictures.attachments[0]!.contentId!;
    expect(quotableHtml(html, new Set(), pictures.contentIds)).toBe(`<p>a <img src="cid:${cid}" alt=""> b <img src="cid:${cid}" alt=""></p>`);
  });

  it('leaves out what is not a picture, and remote pictures stay out of the quote', async () => {
    const html = '<img src="data:text/html;base64,PHNjcmlwdD4="><img src="data:image/svg+xml;base64,PHN2Zz4="><img src="https://tracker.example/x.gif">';
    const pictures = await stageQuotedPictures(html, staging());
    expect(pictures.attachments).toEqual([]);
    expect(quotableHtml(html, new Set(), pictures.contentIds)).toBe('');
  });

  it('quotes no more than 10 MB of pictures', async () => {
    const big = Buffer.alloc(6 * 1024 * 1024, 1).toString('base64');
    const html = `<img src="data:image/jpeg;base64,${big}"><img src="data:image/gif;base64,${big.slice(4)}"><img src="data:image/png;base64,${PNG}">`;
    const pictures = await stageQuotedPictures(html, staging());
    expect(pictures.attachments.map((a) => a.contentType)).toEqual(['image/jpeg', 'image/png']);
  });
});
