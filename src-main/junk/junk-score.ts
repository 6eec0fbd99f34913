import type { TokenCounts } from '../store/junk-corpus-repo';

/** Thunderbird's default: a message is junk from a score of 90%. */
export const JUNK_THRESHOLD = 0.9;
/** Robinson's strength of the prior (s) and the prior itself (x), as SpamBayes sets them. */
const PRIOR_STRENGTH = 0.45;
const PRIOR = 0.5;
/** Tokens nearer 0.5 than this say nothing either way and are left out. */
const MIN_DEVIATION = 0.1;
/** At most this many of the most telling tokens decide. */
const MAX_CLUES = 150;

export interface JunkScore {
  /** 0 (good) to 1 (junk); 0.5 when nothing told either way. */
  score: number;
  /** How many tokens decided it. */
  clues: number;
}

/**
 * Gary Robinson's method with Fisher's chi-square combining, as SpamBayes and Thunderbird's filter use it:
 * each known token's probability of junk, pulled toward 0.5 by how seldom it was seen; the most telling
 * tokens' probabilities are then combined into how strongly they say "junk" and how strongly "good",
 * which are tested separately, so that a message with strong signs of both scores near 0.5 (unsure) instead
 * of wherever the majority falls. Written here (a page of arithmetic) because the npm classifiers are naive
 * Bayes over word frequencies, which scores long messages at the extremes.
 */
export function junkScore(tokens: readonly string[], counts: ReadonlyMap<string, TokenCounts>, totals: TokenCounts): JunkScore {
  const deviations: number[] = [];
  for (const token of tokens) {
    const count = counts.get(token);
    if (!count) continue;
    const probability = tokenProbability(count, totals);
    if (probability !== null && Math.abs(probability - 0.5) >= MIN_DEVIATION) deviations.push(probability);
  }
  const clues = deviations.sort((a, b) => Math.abs(b - 0.5) - Math.abs(a - 0.5)).slice(0, MAX_CLUES);
  if (clues.length === 0) return { score: 0.5, clues: 0 };
  let junkLogs = 0;
  let goodLogs = 0;
  for (const probability of clues) {
    junkLogs += Math.log(1 - probability);
    goodLogs += Math.log(probability);
  }
  const junkness = 1 - chiSquareSurvival(-2 * junkLogs, 2 * clues.length);
  const goodness = 1 - chiSquareSurvival(-2 * goodLogs, 2 * clues.length);
  return { score: (junkness - goodness + 1) / 2, clues: clues.length };
}

/** A token's probability of junk, from how often junk and good messages held it, pulled toward the prior when seen seldom. */
export function tokenProbability(count: TokenCounts, totals: TokenCounts): number | null {
  const seen = count.junk + count.good;
  if (seen === 0 || totals.junk === 0 || totals.good === 0) return null;
  const junkRatio = Math.min(1, count.junk / totals.junk);
  const goodRatio = Math.min(1, count.good / totals.good);
  const raw = junkRatio / (junkRatio + goodRatio);
  const pulled = (PRIOR_STRENGTH * PRIOR + seen * raw) / (PRIOR_STRENGTH + seen);
  // Kept off 0 and 1, whose logarithms the combining would take.
  return Math.min(0.99, Math.max(0.01, pulled));
}

/** The probability that a chi-square variable of `degrees` (even) degrees of freedom exceeds `value`. */
export function chiSquareSurvival(value: number, degrees: number): number {
  const half = value / 2;
  let term = Math.exp(-half);
  let sum = term;
  for (let i = 1; i < degrees / 2; i++) {
    term *= half / i;
    sum += term;
  }
  return Math.min(sum, 1);
}
