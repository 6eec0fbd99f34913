import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startRunStats } from '../../../src-main/cli/run-stats';

function collector() {
  let text = '';
  const stream = new Writable({ write(chunk, _enc, done) { text += chunk.toString(); done(); } });
  return { stream, text: () => text };
}

describe('wren --stats', () => {
  it('prints one parsable line and sees a main-thread stall as event-loop lag', async () => {
    const out = collector();
    const stop = startRunStats(out.stream);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const until = Date.now() + 120;
    while (Date.now() < until) { /* a stall, as a heavy parse on the main thread would be */ }
    await new Promise((resolve) => setTimeout(resolve, 30));
    const stats = stop();
    const line = out.text().trim();
    expect(line.startsWith('wren-stats ')).toBe(true);
    expect(JSON.parse(line.slice('wren-stats '.length))).toEqual(stats);
    expect(stats.eventLoopDelayMs.max).toBeGreaterThanOrEqual(80);
    expect(stats.maxRssBytes).toBeGreaterThan(10 * 1024 * 1024);
  });
});
