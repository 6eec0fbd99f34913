import { describe, expect, it } from 'vitest';
import type { InvitationRecurrence } from '../../../src-main/ipc/contract';
import { recurrenceWords } from '../../../src-renderer/components/InvitationCard/recurrence-words';
import { en } from '../../../src-renderer/i18n/en';
import { zh } from '../../../src-renderer/i18n/zh';
import { translator } from '../../../src-renderer/i18n/translate';

const rule = (parts: Partial<InvitationRecurrence>): InvitationRecurrence => ({ frequency: 'weekly', interval: 1, weekdays: [], nth: null, count: null, until: null, ...parts });
const english = (parts: Partial<InvitationRecurrence>, allDay = false) => recurrenceWords(rule(parts), allDay, translator(en, 'en'), 'en-US');
const chinese = (parts: Partial<InvitationRecurrence>, allDay = false) => recurrenceWords(rule(parts), allDay, translator(zh, 'zh'), 'zh-CN');

describe('recurrenceWords', () => {
  it('words a rule in English: every, every n, weekdays, a monthly ordinal, how many times, until', () => {
    expect(english({ count: 4 })).toBe('Every week, 4 times');
    expect(english({ frequency: 'daily', count: 1 })).toBe('Every day, 1 time');
    expect(english({ interval: 2, weekdays: [1, 3] })).toBe('Every 2 weeks on Monday and Wednesday');
    expect(english({ frequency: 'monthly', weekdays: [2], nth: 2, count: 6 })).toBe('Every month on the second Tuesday, 6 times');
    expect(english({ frequency: 'monthly', weekdays: [5], nth: -1 })).toBe('Every month on the last Friday');
    expect(english({ frequency: 'yearly', interval: 3, until: Date.UTC(2030, 11, 24) }, true)).toBe('Every 3 years, until Dec 24, 2030');
  });

  it('and in Chinese', () => {
    expect(chinese({ count: 4 })).toBe('每周，共 4 次');
    expect(chinese({ interval: 2, weekdays: [1, 3] })).toBe('每 2 周的星期一和星期三');
    expect(chinese({ frequency: 'monthly', weekdays: [2], nth: 2 })).toBe('每月的第二个星期二');
    expect(chinese({ frequency: 'daily', until: Date.UTC(2027, 5, 30) }, true)).toBe('每天，直到 2027年6月30日');
  });
});
