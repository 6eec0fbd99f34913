import { describe, expect, it } from 'vitest';
import { receiptCase } from '../../../src-main/messages/receipt-case';

const person = (address: string) => ({ name: '', address });
const OWN = ['Me@Work.example', 'me@home.example'];

describe('receiptCase (Thunderbird\'s three cases, in its order)', () => {
  it('is "not in To or Cc" first, whoever sends it', () => {
    expect(receiptCase({ from: person('boss@work.example'), to: [person('team@work.example')], cc: [] }, OWN)).toBe('notInToCc');
  });

  it('then "outside my domain", by the domains of all my addresses, whatever the case', () => {
    expect(receiptCase({ from: person('ann@elsewhere.example'), to: [person('me@work.example')], cc: [] }, OWN)).toBe('outsideDomain');
    expect(receiptCase({ from: person('Ann@HOME.example'), to: [], cc: [person('ME@work.example')] }, OWN)).toBe('otherCases');
  });
});
