import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ARTIFACTS = resolve('test-artifacts');

export interface WebApp {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Runs the real `npm run web` entry (built by `npm run build`) on a free port
 * with its own data and key folders, and waits for the URL it prints.
 */
export async function startWebApp(options: { env?: Record<string, string> } = {}): Promise<WebApp> {
  const dir = mkdtempSync(join(tmpdir(), 'wren-e2e-'));
  const dataDir = join(dir, 'data');
  const child = spawn(process.execPath, ['dist/main/web-main.cjs', '--data-dir', dataDir], {
    env: { ...process.env, XDG_CONFIG_HOME: join(dir, 'config'), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await printedUrl(child);
  return {
    url,
    dataDir,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((done) => (child.exitCode !== null ? done(null) : child.once('exit', done)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function printedUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`web mode printed no URL:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`web mode exited with ${code}:\n${output}`)));
  });
}

/** Debian's Chromium, headless, with the flags this machine needs (no background networking). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The composer's recipients as the chips show them (their × left out); polled, since a composer fills in as it opens. */
export async function addressChips(page: Page): Promise<string[]> {
  return (await page.getByTestId('address-chip').allTextContents()).map((chip) => chip.replace('×', ''));
}
