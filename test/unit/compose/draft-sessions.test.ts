import { describe, expect, it } from 'vitest';
import { DraftSessions, SESSIONS_KEPT } from '../../../src-main/compose/draft-sessions';

describe('DraftSessions: the newest saved draft of each composing session', () => {
  it('remembers the latest save of a session, and forgets it when told (discarded, or handed to the outbox)', () => {
    const sessions = new DraftSessions();
    sessions.remember('a', 1);
    sessions.remember('a', 2);
    sessions.remember('b', 3);
    expect([sessions.newestOf('a'), sessions.newestOf('b')]).toEqual([2, 3]);
    sessions.forget('a');
    expect(sessions.newestOf('a')).toBeUndefined();
    expect(sessions.size).toBe(1);
  });

  it('keeps at most SESSIONS_KEPT sessions: the one saved longest ago goes, not one still being written', () => {
    const sessions = new DraftSessions();
    for (let i = 0; i < SESSIONS_KEPT; i += 1) sessions.remember(`s${i}`, i);
    // The first session saves again: it is now the newest, and s1 the oldest.
    sessions.remember('s0', 10_000);
    sessions.remember('one more', 10_001);
    expect(sessions.size).toBe(SESSIONS_KEPT);
    expect(sessions.newestOf('s0')).toBe(10_000);
    expect(sessions.newestOf('s1')).toBeUndefined();
    expect(sessions.newestOf('one more')).toBe(10_001);
  });
});
