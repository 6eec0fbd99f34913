import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/** Loaded at their first use (src-main/system/first-use-packages.ts): about 70 ms of every command's start when they were not. */
const LOADED_ON_FIRST_USE = ['nodemailer', 'libmime', 'html-to-text', 'htmlparser2', 'encoding-japanese'];

/** Preloaded into the CLI's process: writes every npm package it loaded (bare names only) to OUT at exit. */
const RECORDER = `
const Module = require('node:module');
const { writeFileSync } = require('node:fs');
const loaded = new Set();
const load = Module._load;
Module._load = function (request, ...rest) {
  if (!request.startsWith('node:') && !request.startsWith('.') && !request.startsWith('/')) loaded.add(request);
  return load.call(this, request, ...rest);
};
process.on('exit', () => writeFileSync(process.env.RECORD_OUT, JSON.stringify([...loaded])));
`;

describe('the wren command at start-up', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wren-start-up-'));
    await writeFile(join(dir, 'recorder.cjs'), RECORDER);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('loads none of the packages only sending, drafts, HTML mail or set-up need', async () => {
    const out = join(dir, 'loaded.json');
    const { stdout } = await promisify(execFile)(process.execPath, ['-r', join(dir, 'recorder.cjs'), 'bin/wren.cjs', '--data-dir', join(dir, 'data'), 'account', 'list'], {
      env: { ...process.env, XDG_CONFIG_HOME: join(dir, 'config'), RECORD_OUT: out },
    });
    expect(stdout).toContain('No accounts yet');
    const loaded = JSON.parse(await readFile(out, 'utf8')) as string[];
    // The recorder saw the package the command does need from node_modules: the database. zod, which validates
    // the contract, is carried by the CLI's bundle (scripts/build-main.mjs), so Node no longer resolves its files.
    const base = loaded.map((name) => name.split('/')[0]);
    expect(loaded).toContain('better-sqlite3');
    expect(base).not.toContain('zod');
    for (const lazy of LOADED_ON_FIRST_USE) expect(base, lazy).not.toContain(lazy);
  });
});
