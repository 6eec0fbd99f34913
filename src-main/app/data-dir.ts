import { accessSync, constants, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { WrenError } from '../errors/wren-error';

/** Web mode and CLI: `--data-dir`, else `$XDG_DATA_HOME/wren` (default ~/.local/share/wren). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const dataHome = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(dataHome, 'wren');
}

/** Creates the folder if needed and checks Wren can write there, with a message the user can act on. */
export function prepareDataDir(dir: string): string {
  const absolute = resolve(dir);
  try {
    mkdirSync(absolute, { recursive: true, mode: 0o700 });
    accessSync(absolute, constants.W_OK | constants.R_OK);
  } catch (error) {
    throw new WrenError(
      'DataDirUnwritable',
      `Wren cannot use the data folder ${absolute}: ${(error as Error).message}. Choose another with --data-dir or fix its permissions.`,
      { path: absolute },
      { cause: error },
    );
  }
  return absolute;
}
