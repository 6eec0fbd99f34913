import { useEffect, useState } from 'react';
import type { ErrorShape } from '../../../src-main/errors/error-codes';

/**
 * How long to wait before each new try of a body download that was cut off (the line dropped under it while
 * the account stayed online): soon, then less often, then the user's Try again. Without these the pane waited
 * for the account to come "back online", which it never left.
 */
export const CUT_OFF_RETRY_DELAYS_MS: readonly number[] = [2_000, 5_000, 15_000];

/** The core's Offline for a download cut off mid-way, not for a server out of reach (see message-reader). */
export function isCutOff(error: ErrorShape | null): boolean {
  return error?.code === 'Offline' && error.details?.cutOff === true;
}

/** The wait before the next try on its own, or null when none is due (not cut off, asking now, tries used up). */
export function nextCutOffRetry(error: ErrorShape | null, triesDone: number, asking: boolean): number | null {
  if (asking || !isCutOff(error)) return null;
  return CUT_OFF_RETRY_DELAYS_MS[triesDone] ?? null;
}

/**
 * Asks for a cut-off body again by itself while the message stays open (the pane is keyed by message, so
 * closing it ends the tries). Returns whether a try is under way or on its way.
 */
export function useCutOffRetry(error: ErrorShape | null, loading: boolean, reload: () => void): boolean {
  const [triesDone, setTriesDone] = useState(0);
  const delay = nextCutOffRetry(error, triesDone, loading);
  useEffect(() => {
    if (delay === null) return;
    const timer = setTimeout(() => {
      setTriesDone((done) => done + 1);
      reload();
    }, delay);
    return () => clearTimeout(timer);
  }, [error, delay, reload]);
  return isCutOff(error) && (loading || delay !== null);
}
