import { describe, expect, it } from 'vitest';
import { oauthBearerPayload, xoauth2Payload } from '../../../src-main/pop3/pop3-oauth';

describe('POP3 OAuth payloads', () => {
  it('OAUTHBEARER per RFC 7628 §3.1 (its example), with "," and "=" escaped in the authzid', () => {
    expect(oauthBearerPayload('user@example.com', 'vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==', 'server.example.com', 143))
      .toBe('n,a=user@example.com,\x01host=server.example.com\x01port=143\x01auth=Bearer vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==\x01\x01');
    expect(oauthBearerPayload('a,b=c', 't', 'h', 1)).toContain('n,a=a=2Cb=3Dc,');
  });

  it("XOAUTH2 in Google's format", () => {
    expect(xoauth2Payload('someuser@example.com', 'ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg'))
      .toBe('user=someuser@example.com\x01auth=Bearer ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg\x01\x01');
  });
});
