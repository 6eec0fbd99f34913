import { describe, expect, it } from 'vitest';
import { MessageFlag } from '../../../src-main/ipc/contract';
import { tagsOf } from '../../../src-main/ipc/contract-constants';

describe('tags', () => {
  it('are the $label keywords among a message\'s flags, in the tags\' order, whatever their case', () => {
    expect(tagsOf(['\\Seen', '$label4', '$Forwarded', '$Label1', 'NonJunk'])).toEqual(['$label1', '$label4']);
    expect(tagsOf([])).toEqual([]);
    expect(tagsOf(['$label6', 'label1'])).toEqual([]);
  });

  it('go through the operations journal as flags; no other keyword does', () => {
    expect(MessageFlag.safeParse('$label5').success).toBe(true);
    expect(MessageFlag.safeParse('$label6').success).toBe(false);
  });
});
