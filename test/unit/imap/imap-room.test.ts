import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(__dirname, '../../../src-main');

function sources(folder: string): string[] {
  return readdirSync(join(SRC, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(SRC, folder, name));
}

const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]!);

describe('the IMAP room', () => {
  it('sync/ and messages/ never import imapflow: they call src-main/imap/', () => {
    // push-pending-flags.ts is being replaced by the operations journal's replay (store-flags.ts in imap/).
    const allowed = new Set(['sync/push-pending-flags.ts']);
    const offenders = [...sources('sync'), ...sources('messages')]
      .filter((file) => importsOf(file).includes('imapflow'))
      .map((file) => relative(SRC, file))
      .filter((file) => !allowed.has(file));
    expect(offenders).toEqual([]);
  });

  it('the protocol layer does not know the store', () => {
    const offenders = sources('imap').filter((file) => importsOf(file).some((from) => from.startsWith('../store')));
    expect(offenders.map((file) => relative(SRC, file))).toEqual([]);
  });
});
