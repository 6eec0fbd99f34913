import { describe, expect, it } from 'vitest';
import { bigramsOf, indexedCjkText, withCjkBigrams } from '../../../src-main/search/cjk-bigrams';

describe('CJK bigrams', () => {
  it('cuts a run into overlapping pairs; one character stays itself', () => {
    expect(bigramsOf('明天的会议')).toEqual(['明天', '天的', '的会', '会议']);
    expect(bigramsOf('会')).toEqual(['会']);
  });

  it('rewrites only the CJK runs, leaving Latin words and punctuation', () => {
    expect(withCjkBigrams('Re: 明天的会议，改到下午 3pm').replace(/\s+/g, ' ').trim()).toBe('Re: 明天 天的 的会 会议 ， 改到 到下 下午 3pm');
  });

  it('covers Japanese kana and Korean Hangul too', () => {
    expect(withCjkBigrams('カレー').trim()).toBe('カレ レー');
    expect(withCjkBigrams('회의실').trim()).toBe('회의 의실');
  });

  it('puts the query 会议 among the tokens of 明天的会议改到下午', () => {
    const tokens = withCjkBigrams('明天的会议改到下午').trim().split(/\s+/);
    expect(tokens).toContain('会议');
  });

  it('indexes each run’s last character on its own as well, after all of the text, so one character at the end of a run is found', () => {
    expect(indexedCjkText('老王 says 明天的会议').replace(/\s+/g, ' ').trim()).toBe('老王 says 明天 天的 的会 会议 王 议');
    // Not beside its run: "项目 A" must stay adjacent for the phrase query "项目A".
    expect(indexedCjkText('项目A').replace(/\s+/g, ' ').trim()).toBe('项目 A 目');
    expect(indexedCjkText('王').trim()).toBe('王');
    // Queries stay bigrams only: a phrase must match inside a run as well as at its end.
    expect(withCjkBigrams('会议').trim()).toBe('会议');
  });
});
