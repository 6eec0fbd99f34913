import { describe, expect, it } from 'vitest';
import { currentBoot, isThisBoot } from '../../../src-main/system/boot-identity';

describe('the machine boot a mark was written in', () => {
  it('is this one when recorded now, and not another boot', () => {
    const now = currentBoot();
    expect(isThisBoot(now)).toBe(true);
    expect(isThisBoot('id:00000000-0000-0000-0000-000000000000', now)).toBe(false);
  });

  it('by boot time (where the system names no boot): the same within a couple of seconds, else another', () => {
    expect(isThisBoot('at:1700000000', 'at:1700000001')).toBe(true);
    expect(isThisBoot('at:1700000000', 'at:1700000060')).toBe(false);
    expect(isThisBoot('at:garbled', 'at:1700000000')).toBe(false);
  });
});
