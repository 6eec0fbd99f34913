import { describe, expect, it } from 'vitest';
import { throttleProgress } from '../../../src-main/sync/progress-throttle';

function setup(intervalMs = 200) {
  let clock = 0;
  const sent: [number, number][] = [];
  const throttled = throttleProgress((done, total) => sent.push([done, total]), intervalMs, () => clock);
  return { throttled, sent, advance: (ms: number) => (clock += ms) };
}

describe('throttleProgress', () => {
  it('always sends the first and the last report, thinning out the ones between', () => {
    const { throttled, sent, advance } = setup();
    for (let done = 0; done <= 1000; done++) {
      throttled.report(done, 1000);
      advance(1); // one report per millisecond: a second in all
    }
    expect(sent[0]).toEqual([0, 1000]);
    expect(sent.at(-1)).toEqual([1000, 1000]);
    expect(sent.length).toBeLessThanOrEqual(7); // first, last, and about five a second between
    expect(sent.length).toBeGreaterThan(2);
  });

  it('sends a report once the interval has passed', () => {
    const { throttled, sent, advance } = setup();
    throttled.report(0, 10);
    throttled.report(1, 10);
    advance(200);
    throttled.report(2, 10);
    expect(sent).toEqual([[0, 10], [2, 10]]);
  });

  it('flush sends the report held back, so a phase that never reaches its total still ends on its final count', () => {
    const { throttled, sent } = setup();
    throttled.report(0, 10);
    throttled.report(8, 10); // two of ten were expunged meanwhile
    throttled.flush();
    throttled.flush();
    expect(sent).toEqual([[0, 10], [8, 10]]);
  });

  it('flush sends nothing when nothing was held back', () => {
    const { throttled, sent } = setup();
    throttled.report(0, 3);
    throttled.report(3, 3);
    throttled.flush();
    expect(sent).toEqual([[0, 3], [3, 3]]);
  });
});
