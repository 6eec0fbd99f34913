import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** How `wren` fails, run as a script would run it: no server needed to get these wrong. */
describe('wren failures for scripts', () => {
  let dir: string;

  async function wren(args: string[]) {
    try {
      const { stdout, stderr } = await run(process.execPath, ['bin/wren.cjs', '--data-dir', join(dir, 'data'), ...args], {
        env: { ...process.env, XDG_CONFIG_HOME: join(dir, 'config') },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'wren-cli-errors-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('with --json, a failure is one JSON line on stderr with its code, for an unknown account, message or flag; exit 1 for what is not there, 2 for a bad command line', async () => {
    const cases: [string[], string, number][] = [
      [['watch', 'Nobody', '--json'], 'NotFound', 1],
      [['--json', 'read', '999'], 'NotFound', 1],
      [['--json', 'watch', 'Nobody', '--bogus'], 'BadRequest', 2],
      [['--json', 'list'], 'BadRequest', 2],
    ];
    for (const [args, code, exit] of cases) {
      const result = await wren(args);
      expect(result.code, args.join(' ')).toBe(exit);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trim().split('\n');
      expect(lines, result.stderr).toHaveLength(1);
      expect(JSON.parse(lines[0]!)).toMatchObject({ error: { code, message: expect.any(String) } });
    }
  });

  it('without --json, the same failures are words on stderr, no stack trace', async () => {
    const unknown = await wren(['read', '999']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^wren: .*999/);
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
    const usage = await wren(['watch', '--bogus']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^wren: Unknown option '--bogus'/);
  });

  it('no command is a usage error like any other (usage on stderr, exit 2); -h and --help ask for it (stdout, exit 0)', async () => {
    const none = await wren([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/^Usage: wren/);
    for (const flag of ['-h', '--help', 'help']) {
      const asked = await wren([flag]);
      expect(asked.code, flag).toBe(0);
      expect(asked.stdout, flag).toMatch(/^Usage: wren/);
      expect(asked.stdout, flag).toMatch(/^Exit codes:\n {2}0 {3}done/m);
      expect(asked.stderr, flag).toBe('');
    }
  });
});
