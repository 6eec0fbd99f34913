import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src-main/app/handlers';
import { WrenCore } from '../../../src-main/app/wren-core';
import { CliContext } from '../../../src-main/cli/cli-context';
import { settingsCommand } from '../../../src-main/cli/commands/settings-command';
import type { AccountView } from '../../../src-main/ipc/contract';
import { KeyFileSecretStore } from '../../../src-main/secrets/key-file-secret-store';

// The real core on a temp data folder; only the account list is given (adding one needs a server).
let dir: string;
let core: WrenCore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wren-cli-settings-'));
  core = WrenCore.open({ dataDir: dir, mode: 'cli', secrets: new KeyFileSecretStore(join(dir, 'key')), syncWorkerPath: null });
});
afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

async function wren(args: string[], json = false): Promise<{ code: number; out: string }> {
  const out = new PassThrough();
  const handlers = { ...createHandlers(core), 'accounts.list': () => [{ id: 7, name: 'Bob', email: 'bob@lab.test' } as AccountView] };
  const context = new CliContext(handlers, core.events, json, out, new PassThrough());
  const code = await settingsCommand(context, args);
  out.end();
  return { code, out: await text(out) };
}

describe('wren settings', () => {
  it('sets an app setting in settings.json and reads it back', async () => {
    expect((await wren(['set', 'app.theme', 'dark'])).out).toBe('app.theme = "dark"\n');
    expect((await wren(['get', 'app.theme'])).out).toBe('dark\n');
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).app.theme).toBe('dark');
  });

  it('sets an account setting by the account\'s address, with a JSON value', async () => {
    await wren(['set', 'account.bob@lab.test.bodyDownload', '{"mode":"recent","days":30}']);
    expect(JSON.parse((await wren(['get', 'account.Bob.bodyDownload'], true)).out)).toEqual({ mode: 'recent', days: 30 });
    expect(core.settings.forAccount(7).bodyDownload).toEqual({ mode: 'recent', days: 30 });
  });

  it('refuses a value out of range and an unknown setting, and keeps the file as it was', async () => {
    await expect(wren(['set', 'app.undoSendSeconds', '99'])).rejects.toMatchObject({ code: 'BadRequest' });
    await expect(wren(['set', 'app.colour', 'blue'])).rejects.toMatchObject({ code: 'BadRequest' });
    await expect(wren(['get', 'app.colour'])).rejects.toMatchObject({ code: 'NotFound' });
    expect((await wren(['get', 'app.undoSendSeconds'])).out).toBe('10\n');
  });

  it('prints every setting as JSON', async () => {
    const all = JSON.parse((await wren(['get'], true)).out);
    expect(all.app).toMatchObject({ theme: 'system', undoSendSeconds: 10 });
  });
});
