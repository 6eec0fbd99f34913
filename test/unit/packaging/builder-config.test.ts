import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// js-yaml comes with electron-builder (which reads this file with it); no types of its own here.
const { load } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  directories: { buildResources: string; output: string };
  files: string[];
  extraResources: { from: string; to: string }[];
  asarUnpack: string[];
  protocols: { name: string; schemes: string[] }[];
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; icon: string; mimeTypes: string[] };
  mac: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
}

const root = join(__dirname, '..', '..', '..');
const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

/** PNG's width and height, from its IHDR. */
function pngSize(path: string): [number, number] {
  const bytes = readFileSync(path);
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('the packaging configuration (electron-builder.yml)', () => {
  it('builds AppImage and deb, dmg, and nsis', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('has an icon for every target in the build resources folder', () => {
    const resources = join(root, config.directories.buildResources);
    expect(pngSize(join(resources, 'icon.png'))).toEqual([512, 512]);
    for (const icon of [config.mac.icon, config.win.icon]) expect(existsSync(join(root, icon)), icon).toBe(true);
    for (const size of [16, 32, 48, 128, 256, 512]) expect(pngSize(join(root, config.linux.icon, `${size}x${size}.png`))).toEqual([size, size]);
    expect(readFileSync(join(root, config.mac.icon)).subarray(0, 4).toString('ascii')).toBe('icns');
    expect([...readFileSync(join(root, config.win.icon)).subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    for (const extra of config.extraResources) expect(existsSync(join(root, extra.from)), extra.from).toBe(true);
  });

  it('packs the built app and leaves out source maps', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/**/*', 'package.json', '!dist/**/*.map']));
    const main = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string }).main;
    expect(main).toMatch(/^dist\//);
  });

  it('unpacks the native module and the worker bundles from asar', () => {
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/node_modules/better-sqlite3/**', 'dist/main/sync-worker.cjs', 'dist/main/parse-worker.cjs']));
    // Each worker the build emits is unpacked (a new worker left in the archive could not start).
    const build = readFileSync(join(root, 'scripts', 'build-main.mjs'), 'utf8');
    const workers = [...build.matchAll(/'([a-z-]+-worker)':/g)].map((m) => `dist/main/${m[1]}.cjs`);
    expect(workers.length).toBeGreaterThan(0);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(workers));
    // And so is each package they load from a file of its own (a worker in app.asar.unpacked cannot reach into the archive).
    const ownFiles = [...(/const OWN_FILES = \{([^}]*)\}/.exec(build)?.[1] ?? '').matchAll(/'([a-z-]+\.cjs)'/g)].map((m) => `dist/main/${m[1]}`);
    expect(ownFiles).toContain('dist/main/pinyin-pro.cjs');
    expect(config.asarUnpack).toEqual(expect.arrayContaining(ownFiles));
  });

  it('registers Wren for mailto: links', () => {
    expect(config.protocols.flatMap((p) => p.schemes)).toContain('mailto');
    expect(config.linux.mimeTypes).toContain('x-scheme-handler/mailto');
  });

  it('flips the Electron fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('packages through the wrapper that explains a missing Electron', () => {
    const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.dist).toBe('node scripts/dist.mjs');
  });
});
