import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { runWren, type WrenRun } from './run-wren';

/** A lab, and the built `wren` with Alice's account "Work" added and synced once. */
export interface CliAccount {
  readonly lab: Lab;
  /** Runs `wren` on the account's data folder, as Alice. */
  wren(args: string[]): Promise<WrenRun>;
}

/**
 * Starts the lab before the calling describe's tests, lets `seed` fill Alice's mailbox, adds her account
 * (trusting the lab's certificate) and syncs it; stops it all after them.
 */
export function cliAccount(seed: (lab: Lab) => Promise<void>): CliAccount {
  let lab: Lab | undefined;
  let dir: string | undefined;
  const fixture: CliAccount = {
    get lab() {
      if (!lab) throw new Error('the lab starts in beforeAll: use the fixture in tests and hooks');
      return lab;
    },
    wren: (args) => runWren(dir!, fixture.lab.users[0]!.password, args),
  };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wren-cli-'));
    lab = await startLab();
    await seed(lab);
    const alice = lab.users[0]!.email;
    const added = await fixture.wren(['account', 'add', '--name', 'Work', '--email', alice, '--imap-host', lab.host, '--imap-port', String(lab.ports.imaps),
      '--trust-fingerprint', lab.certFingerprint256]);
    expect(added.code, added.stderr).toBe(0);
    expect((await fixture.wren(['sync'])).code).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await lab?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return fixture;
}
