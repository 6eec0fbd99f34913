import { defaultDataDir } from '../app/data-dir';
import { WrenError } from '../errors/wren-error';

/** Global flags may stand anywhere; the rest is the command and its own arguments. */
export function splitGlobals(argv: string[]): { dataDir: string; json: boolean; stats: boolean; rest: string[] } {
  let dataDir = defaultDataDir();
  let json = false;
  let stats = false;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--stats') stats = true;
    else if (arg === '--data-dir') dataDir = argv[++i] ?? '';
    else if (arg.startsWith('--data-dir=')) dataDir = arg.slice('--data-dir='.length);
    else rest.push(arg);
  }
  if (!dataDir) throw new WrenError('BadRequest', '--data-dir needs a folder.');
  return { dataDir, json, stats, rest };
}
