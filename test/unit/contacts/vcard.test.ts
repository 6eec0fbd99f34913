import { describe, expect, it } from 'vitest';
import { readVcards, writeVcards } from '../../../src-main/contacts/vcard';

describe('vCard files (ical.js)', () => {
  it('reads 3.0 and 4.0 cards, one entry per address, named by FN or else N', () => {
    const file = [
      'BEGIN:VCARD', 'VERSION:3.0', 'FN:李明', 'N:李;明;;;', 'EMAIL;TYPE=INTERNET:li@example.com', 'EMAIL:ming@example.org', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:4.0', 'N:Smith;Jane;;;', 'EMAIL:jane@x.test', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:4.0', 'FN:No Address', 'TEL:+1 555 0100', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:4.0', 'FN:Broken', 'EMAIL:not an address', 'END:VCARD', '',
    ].join('\r\n');
    expect(readVcards(file)).toEqual([
      { name: '李明', address: 'li@example.com' },
      { name: '李明', address: 'ming@example.org' },
      { name: 'Jane Smith', address: 'jane@x.test' },
    ]);
  });

  it('writes 4.0 cards that read back the same, escaped where a name needs it', () => {
    const entries = [{ name: 'Doe, John', address: 'john@x.test' }, { name: '王芳', address: 'fang@x.test' }, { name: '', address: 'bare@x.test' }];
    const file = writeVcards(entries);
    expect(file).toContain('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Doe\\, John\r\nEMAIL:john@x.test\r\nEND:VCARD\r\n');
    expect(readVcards(file)).toEqual([entries[0], entries[1], { name: 'bare@x.test', address: 'bare@x.test' }]);
  });

  it('nothing from what is not a vCard', () => {
    expect(readVcards('hello')).toEqual([]);
    expect(readVcards('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n')).toEqual([]);
  });
});
