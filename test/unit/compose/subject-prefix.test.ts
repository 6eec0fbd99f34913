import { describe, expect, it } from 'vitest';
import { baseSubject, forwardSubject, replySubject } from '../../../src-main/compose/subject-prefix';

describe('Re: and Fwd: without stacking', () => {
  it('adds one Re: to a plain subject and keeps a reply to a reply at one', () => {
    expect(replySubject('Plan')).toBe('Re: Plan');
    expect(replySubject('Re: Plan')).toBe('Re: Plan');
    expect(replySubject('Re: Re: Plan')).toBe('Re: Plan');
    expect(replySubject('RE: plan')).toBe('Re: plan');
    expect(replySubject('re:Plan')).toBe('Re: Plan');
    expect(replySubject('Re[2]: Plan')).toBe('Re: Plan');
    expect(replySubject('AW: Plan')).toBe('Re: Plan');
  });

  it('recognises Chinese prefixes with ASCII and full-width colons', () => {
    expect(replySubject('回复: 计划')).toBe('Re: 计划');
    expect(replySubject('回复：计划')).toBe('Re: 计划');
    expect(replySubject('答复：Re: 计划')).toBe('Re: 计划');
    expect(forwardSubject('转发: 计划')).toBe('Fwd: 计划');
    expect(forwardSubject('转发：转发: 计划')).toBe('Fwd: 计划');
    expect(forwardSubject('转发：回复: 计划')).toBe('Fwd: 回复: 计划');
  });

  it('forwards with one Fwd:; a prefix of the other kind stays, as Thunderbird, Gmail and Outlook keep it', () => {
    expect(forwardSubject('Plan')).toBe('Fwd: Plan');
    expect(forwardSubject('Fwd: Plan')).toBe('Fwd: Plan');
    expect(forwardSubject('FW: Fwd: Plan')).toBe('Fwd: Plan');
    expect(forwardSubject('FW: Re: Plan')).toBe('Fwd: Re: Plan');
    expect(forwardSubject('RE: Budget')).toBe('Fwd: RE: Budget');
    expect(replySubject('Fwd: Slides')).toBe('Re: Fwd: Slides');
    expect(replySubject('Re: Fwd: Slides')).toBe('Re: Fwd: Slides');
    // Sorted by subject, all of them sit beside the first.
    expect(baseSubject('Re: Fwd: Slides')).toBe('Slides');
  });

  it('leaves words that merely start like a prefix alone', () => {
    expect(baseSubject('Report: Q3')).toBe('Report: Q3');
    expect(baseSubject('Regarding the plan')).toBe('Regarding the plan');
    expect(baseSubject('Fwdx: a')).toBe('Fwdx: a');
    expect(replySubject('')).toBe('Re: ');
  });
});
