import { describe, expect, it } from 'vitest';
import { capabilityNumber, parseCapabilities } from '../../../src-main/pop3/capabilities';

describe('parseCapabilities', () => {
  it('keeps tags and each tag with each of its arguments, upper-cased', () => {
    const capabilities = parseCapabilities(['TOP', 'uidl', 'SASL PLAIN login', 'LOGIN-DELAY 900', 'EXPIRE NEVER', '  ', 'RESP-CODES']);
    expect([...capabilities].sort()).toEqual(
      ['EXPIRE', 'EXPIRE NEVER', 'LOGIN-DELAY', 'LOGIN-DELAY 900', 'RESP-CODES', 'SASL', 'SASL LOGIN', 'SASL PLAIN', 'TOP', 'UIDL'].sort(),
    );
    expect(capabilityNumber(capabilities, 'login-delay')).toBe(900);
    expect(capabilityNumber(capabilities, 'EXPIRE')).toBeNull();
  });
});
