import { describe, expect, it } from 'vitest';
import { MAX_TOKENS, junkTokens, type TokenSource } from '../../../src-main/junk/junk-tokens';

function source(fields: Partial<TokenSource>): TokenSource {
  return { subject: '', from: { name: '', address: '' }, to: [], text: '', html: null, attachmentTypes: [], ...fields };
}

describe('junkTokens', () => {
  it('cuts Chinese into bigrams and keeps where a word stood: the subject, the sender, the body', () => {
    const tokens = junkTokens(source({
      subject: '免费领取 iPhone',
      from: { name: 'Prize Team', address: 'Win@Prize.Example.CN' },
      text: '恭喜您中奖 Click here',
    }));
    expect(tokens).toEqual(expect.arrayContaining([
      'from:win@prize.example.cn', 'fromdomain:prize.example.cn', 'fromname:prize', 'fromname:team',
      'subject:免费', 'subject:费领', 'subject:领取', 'subject:iphone',
      '恭喜', '喜您', '您中', '中奖', 'click', 'here',
    ]));
    expect(tokens).not.toContain('免费');
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('takes links by host and by their last two labels, from the text and the HTML alike', () => {
    const tokens = junkTokens(source({ text: 'see www.deals.example.com now', html: '<a href="https://Track.Mailer.Example.NET/x?id=1">here</a>' }));
    expect(tokens).toEqual(expect.arrayContaining(['url:deals.example.com', 'url:example.com', 'url:track.mailer.example.net', 'url:example.net']));
  });

  it('drops short words and bare numbers, and turns very long words into their first letter and length', () => {
    const tokens = junkTokens(source({ text: 'an ox 2026 12345 R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7' }));
    expect(tokens).not.toEqual(expect.arrayContaining(['an', 'ox', '2026', '12345']));
    expect(tokens.some((token) => token.startsWith('skip:r '))).toBe(true);
  });

  it('notes HTML without words (a picture alone), many recipients and attachment types', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ name: '', address: `p${i}@x.test` }));
    const tokens = junkTokens(source({ html: '<img src="cid:offer">', to: many, attachmentTypes: ['application/X-MSDOWNLOAD'] }));
    expect(tokens).toEqual(expect.arrayContaining(['html:no-words', 'to:many', 'attachment:application/x-msdownload']));
  });

  it('adds at most MAX_TOKENS tokens, however long the message', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `word${i}x`).join(' ');
    expect(junkTokens(source({ text }))).toHaveLength(MAX_TOKENS);
  });
});
