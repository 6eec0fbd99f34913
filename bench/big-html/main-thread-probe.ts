// Watches the UI's main thread from inside the page: the longest task the browser reports
// ('longtask', which covers the mail frame too, as it runs in the same renderer process) and
// the longest gap between two ticks of a 10 ms timer (what a user feels as a frozen window).
import type { Page } from 'playwright-core';

export interface MainThreadFigures {
  longestTaskMs: number;
  longestGapMs: number;
}

interface ProbeWindow {
  wrenProbe?: { longestTask: number; longestGap: number; last: number };
}

// Runs in the page: its globals, typed as far as used (the bench type-checks without the DOM library).
declare const window: ProbeWindow;

export async function startProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    if (!window.wrenProbe) {
      const state = { longestTask: 0, longestGap: 0, last: performance.now() };
      window.wrenProbe = state;
      // Node's typings of PerformanceObserver know no 'longtask'; the page's browser does.
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) state.longestTask = Math.max(state.longestTask, entry.duration);
      }).observe({ type: 'longtask' as never });
      setInterval(() => {
        const now = performance.now();
        state.longestGap = Math.max(state.longestGap, now - state.last);
        state.last = now;
      }, 10);
    }
    const state = window.wrenProbe;
    state.longestTask = 0;
    state.longestGap = 0;
    state.last = performance.now();
  });
}

export async function readProbe(page: Page): Promise<MainThreadFigures> {
  return page.evaluate(() => {
    const state = window.wrenProbe!;
    return { longestTaskMs: Math.round(state.longestTask), longestGapMs: Math.round(state.longestGap) };
  });
}

/** Resolves once the page's main thread has been free for `quietMs` in a row (or after `maxMs`). */
export async function waitUntilQuiet(page: Page, quietMs: number, maxMs: number): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < maxMs) {
    const before = Date.now();
    await page.evaluate((ms) => new Promise((resolve) => setTimeout(resolve, ms)), quietMs);
    if (Date.now() - before < quietMs + 100) return;
  }
}
