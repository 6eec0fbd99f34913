import { describe, expect, it } from 'vitest';
import { JUNK_THRESHOLD, chiSquareSurvival, junkScore, tokenProbability } from '../../../src-main/junk/junk-score';

describe('chiSquareSurvival', () => {
  it('matches the closed form for two degrees of freedom and is 1 at 0', () => {
    expect(chiSquareSurvival(0, 10)).toBe(1);
    expect(chiSquareSurvival(2, 2)).toBeCloseTo(Math.exp(-1), 12);
    // Four degrees: e^(-x/2) (1 + x/2).
    expect(chiSquareSurvival(6, 4)).toBeCloseTo(Math.exp(-3) * 4, 12);
    expect(chiSquareSurvival(5000, 20)).toBe(0);
  });
});

describe('tokenProbability', () => {
  it('is the junk share by corpus size, pulled toward 0.5 when seen seldom, and unknown without both kinds', () => {
    const totals = { junk: 10, good: 100 };
    expect(tokenProbability({ junk: 10, good: 0 }, totals)).toBeCloseTo(10.225 / 10.45, 12);
    // Kept off 0, whose logarithm the combining takes.
    expect(tokenProbability({ junk: 0, good: 100 }, totals)).toBe(0.01);
    // Seen once in junk: 1/10 against 0/100 is 1.0, pulled by the prior's strength to (0.225 + 1) / 1.45.
    expect(tokenProbability({ junk: 1, good: 0 }, totals)).toBeCloseTo(1.225 / 1.45, 12);
    // As often in each by share: 0.5.
    expect(tokenProbability({ junk: 1, good: 10 }, totals)).toBeCloseTo(0.5, 12);
    expect(tokenProbability({ junk: 1, good: 0 }, { junk: 1, good: 0 })).toBeNull();
  });
});

describe('junkScore', () => {
  const totals = { junk: 20, good: 20 };
  const counts = new Map([
    ['free', { junk: 18, good: 1 }], ['prize', { junk: 15, good: 0 }], ['url:win.example', { junk: 12, good: 0 }],
    ['meeting', { junk: 0, good: 14 }], ['report', { junk: 1, good: 16 }], ['agenda', { junk: 0, good: 9 }],
    ['the', { junk: 19, good: 20 }],
  ]);

  it('scores a message of junk tokens as junk and one of good tokens as good; common words say nothing', () => {
    expect(junkScore(['free', 'prize', 'url:win.example', 'the'], counts, totals).score).toBeGreaterThan(JUNK_THRESHOLD);
    expect(junkScore(['meeting', 'report', 'agenda', 'the'], counts, totals).score).toBeLessThan(0.1);
    expect(junkScore(['the'], counts, totals)).toEqual({ score: 0.5, clues: 0 });
  });

  it('is unsure (near 0.5) when both kinds speak strongly, and knows nothing of unknown tokens', () => {
    const mixed = junkScore(['free', 'prize', 'url:win.example', 'meeting', 'report', 'agenda'], counts, totals);
    expect(mixed.score).toBeGreaterThan(0.3);
    expect(mixed.score).toBeLessThan(0.7);
    expect(junkScore(['never', 'seen'], counts, totals)).toEqual({ score: 0.5, clues: 0 });
  });
});
