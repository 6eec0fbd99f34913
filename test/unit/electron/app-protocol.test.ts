import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isAppUrl, registerAppScheme, rendererFileFor, serveRenderer } from '../../../src-main/electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/security/content-security-policy';

// A real renderer folder on disk; electron's protocol object is a recorder.
let root: string;
let outside: string;
beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'wren-protocol-'));
  root = join(base, 'renderer');
  outside = base;
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Wren</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'note.eml'), 'From: x');
  // A saved attachment beside the app's files: must never be served.
  writeFileSync(join(base, 'evil.js'), 'alert(1)');
});
afterAll(() => rmSync(outside, { recursive: true, force: true }));

function served() {
  const protocol = { handle: vi.fn() };
  serveRenderer(protocol, root);
  expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  const handler = protocol.handle.mock.calls[0]![1] as (request: { url: string }) => Promise<Response>;
  return (url: string) => handler({ url });
}

describe('the app:// scheme', () => {
  it('is registered standard and secure, without bypassing the CSP', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    const schemes = protocol.registerSchemesAsPrivileged.mock.calls[0]![0];
    expect(schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(schemes[0].privileges.bypassCSP).toBeUndefined();
  });

  it('serves the page and its scripts with their types, the CSP header and nosniff', async () => {
    const get = served();
    const page = await get('app://wren/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Wren</title>');
    expect((await get('app://wren/assets/index-abc.js')).headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('serves nothing outside the renderer folder, of another host, or of a type the build has not', async () => {
    const get = served();
    for (const url of [
      'app://wren/../evil.js',
      'app://wren/%2e%2e/evil.js',
      'app://wren/assets/..%2f..%2fevil.js',
      'app://other/index.html',
      'app://wren/assets/note.eml',
      'app://wren/missing.js',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('alert');
    }
    expect(rendererFileFor('file:///etc/passwd', root)).toBeNull();
  });

  it('knows the app page from anything else', () => {
    expect(isAppUrl('app://wren/index.html')).toBe(true);
    for (const url of ['file:///app/index.html', 'app://wren.evil/index.html', 'https://wren/', 'about:srcdoc', '', undefined]) expect(isAppUrl(url), String(url)).toBe(false);
  });
});
