import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../src-main/mime/parse-source';
import { MAX_MIME_NESTING } from '../../../src-main/mime/nesting-cap';
import { structureFromParsed } from '../../../src-main/mime/structure-from-parsed';
import { chooseDisplayParts } from '../../../src-main/mime/choose-display-parts';
import { attachmentNames } from '../../../src-main/search/search-document';
import { codedWarning } from '../../../src-main/errors/warning-codes';
import { deepMultipart } from '../../lab/deep-multipart';

const levels = (partId: string) => partId.split('.').length;

describe('parseSource on deeply nested multiparts', () => {
  it('opens 3,000 nested multiparts: the text above the cap, each level\'s file to the cap, the rest as one opaque attachment', async () => {
    const started = performance.now();
    const parsed = await parseSource(deepMultipart(3000));
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(parsed.subject).toBe('Nested 3000 deep');
    expect(parsed.text).toBe('outer text');
    expect(parsed.warnings).toEqual([codedWarning('NestingTooDeep')]);
    const named = parsed.attachments.filter((a) => a.filename);
    expect(named.map((a) => a.filename)).toEqual(Array.from({ length: MAX_MIME_NESTING }, (_, level) => `level-${MAX_MIME_NESTING - 1 - level}.pdf`));
    const opaque = parsed.attachments.filter((a) => !a.filename);
    expect(opaque).toHaveLength(1);
    expect(opaque[0]).toMatchObject({ contentType: 'application/octet-stream', inline: false });
    expect(levels(opaque[0]!.partId)).toBe(MAX_MIME_NESTING);
    // It holds the levels below the cap, undecoded: the innermost text is in it, not shown.
    expect(opaque[0]!.size).toBeGreaterThan(2900 * 40);
    expect(parsed.text).not.toContain('innermost');
  });

  it('lists and indexes what the parse found: the reader\'s parts and the search document\'s names', async () => {
    const parsed = await parseSource(deepMultipart(3000));
    const structure = structureFromParsed(parsed.attachments);
    expect(chooseDisplayParts(structure).attachments).toHaveLength(MAX_MIME_NESTING + 1);
    expect(attachmentNames(JSON.stringify(structure), null)).toContain('level-0.pdf');
  });

  it('keeps a message nested just within the cap whole, without a warning', async () => {
    const parsed = await parseSource(deepMultipart(MAX_MIME_NESTING - 1));
    expect(parsed.text).toBe('outer text\ninnermost text');
    expect(parsed.attachments.every((a) => a.filename)).toBe(true);
    expect(parsed.attachments).toHaveLength(MAX_MIME_NESTING - 1);
    expect(parsed.warnings).toEqual([]);
  });
});
