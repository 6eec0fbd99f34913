import { afterEach, describe, expect, it } from 'vitest';
import type { StructurePart } from '../../../src-main/mime/structure';
import { disposeSearchStore, message, searchStore } from './search-store';

afterEach(() => disposeSearchStore());

const ann = { name: 'Ann Lee', address: 'ann@example.com' };

function leaf(part: string, type: string, filename: string | null, disposition: string | null = 'attachment'): StructurePart {
  return { part, type, parameters: {}, encoding: 'base64', size: 1000, disposition, filename, contentId: null };
}

/** An IMAP message's BODYSTRUCTURE: a text body, then two attachments. */
const withAttachments: StructurePart = {
  part: '', type: 'multipart/mixed', parameters: {}, encoding: null, size: 0, disposition: null, filename: null, contentId: null,
  children: [leaf('1', 'text/plain', null, null), leaf('2', 'application/pdf', '第三季度合同.pdf'), leaf('3', 'application/vnd.ms-excel', 'invoice-2026.xlsx')],
};

/** A downloaded source (POP3, an import) whose only description is itself. */
const SOURCE = [
  'From: Ann <ann@example.com>', 'Subject: files', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b"', '',
  '--b', 'Content-Type: text/plain; charset=utf-8', '', 'see attached', '--b',
  'Content-Type: application/pdf', 'Content-Disposition: attachment; filename="receipt-march.pdf"', 'Content-Transfer-Encoding: base64', '',
  'JVBERi0xLjQK', '--b--', '',
].join('\r\n');

describe('search finds attachments by their file names', () => {
  it('by the names the server described (BODYSTRUCTURE), Chinese included', async () => {
    const { store, folder, search } = searchStore();
    const [id] = store.write(() => store.messages.insertHeaders(folder('INBOX'), [{ ...message('files', ann), structure: withAttachments, hasAttachments: true }]));
    expect(await search('合同')).toEqual([id]);
    expect(await search('invoice')).toEqual([id]);
    expect(await search('xlsx')).toEqual([id]);
    expect(await search('"invoice 2026 xlsx"')).toEqual([id]);
  });

  it('not by the names of the images an HTML body shows in place (a signature\'s image001.png), which are no attachments', async () => {
    const { store, folder, search } = searchStore();
    const logo = { ...leaf('2', 'image/png', 'image001.png', 'inline'), contentId: 'image001.png@01D9' };
    const signed: StructurePart = {
      part: '', type: 'multipart/related', parameters: {}, encoding: null, size: 0, disposition: null, filename: null, contentId: null,
      children: [leaf('1', 'text/html', null, null), logo],
    };
    const [, withFile] = store.write(() =>
      store.messages.insertHeaders(folder('INBOX'), [
        { ...message('regards', ann), structure: signed },
        { ...message('the file', ann), structure: { ...withAttachments, children: [...withAttachments.children!, leaf('4', 'image/png', 'image002.png')] }, hasAttachments: true },
      ]),
    );
    expect(await search('image001')).toEqual([]);
    expect(await search('image002')).toEqual([withFile]);
  });

  it('by the names in a downloaded source when no structure was stored', async () => {
    const { store, folder, engine, search } = searchStore();
    const [id] = store.write(() => store.messages.insertHeaders(folder('Local'), [message('files', ann)]));
    const stored = await store.blobs.writeBuffer(Buffer.from(SOURCE));
    store.write(() => store.bodies.saveSource(id!, stored));
    // The whole queue, whatever a loaded machine makes of a search's one-second budget for it.
    await engine.indexer.drain();
    expect(await search('receipt')).toEqual([id]);
  });

  it('by a structure stored later (a message opened the first time): it is indexed again', async () => {
    const { store, folder, search } = searchStore();
    const [id] = store.write(() => store.messages.insertHeaders(folder('Local'), [message('files', ann)]));
    expect(await search('合同')).toEqual([]);
    store.write(() => store.messages.setStructure(id!, withAttachments, true));
    expect(await search('合同')).toEqual([id]);
  });
});
