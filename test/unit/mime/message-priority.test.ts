import { describe, expect, it } from 'vitest';
import { priorityOf } from '../../../src-main/mime/message-priority';
import { splitHeaderBlock } from '../../../src-main/mime/raw-headers';

const priority = (block: string) => priorityOf(splitHeaderBlock(Buffer.from(`${block}\r\n\r\n`)));

describe('a message\'s priority', () => {
  it('reads X-Priority by its first digit, as Thunderbird, Foxmail and Outlook write it', () => {
    expect(priority('X-Priority: 1 (Highest)')).toBe('high');
    expect(priority('X-Priority: 2')).toBe('high');
    expect(priority('X-Priority: 3 (Normal)')).toBe('normal');
    expect(priority('X-Priority: 4')).toBe('low');
    expect(priority('X-Priority: 5 (Lowest)')).toBe('low');
  });

  it('else Importance, in any case; else normal', () => {
    expect(priority('Importance: high')).toBe('high');
    expect(priority('Importance: Low')).toBe('low');
    expect(priority('Subject: x')).toBe('normal');
    expect(priority('X-Priority: urgent\r\nImportance: High')).toBe('high');
    expect(priority('X-Priority: 3\r\nImportance: High')).toBe('normal');
  });
});
