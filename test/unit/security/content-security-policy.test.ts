import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  withContentSecurityPolicy,
} from '../../../src-main/security/content-security-policy';

const INDEX_HTML = path.resolve(__dirname, '../../../src-renderer/index.html');

function metaPolicy(html: string): string | undefined {
  return /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
}

describe('the Content-Security-Policy, written once', () => {
  it("fills the page's meta tag with the header's policy, minus what only a header can carry", () => {
    const built = withContentSecurityPolicy(readFileSync(INDEX_HTML, 'utf8'));
    expect(metaPolicy(built)).toBe(META_CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toBe(`${META_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  });

  it('leaves no policy written by hand in the page source', () => {
    const source = readFileSync(INDEX_HTML, 'utf8');
    expect(source).not.toContain('default-src');
  });

  it('refuses a page without the placeholder rather than shipping it without a policy', () => {
    expect(() => withContentSecurityPolicy('<html><head></head></html>')).toThrow(/Content-Security-Policy/);
  });
});
