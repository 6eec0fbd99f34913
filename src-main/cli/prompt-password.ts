import { WrenError } from '../errors/wren-error';
import { EXIT } from './exit-codes';

/**
 * The password comes from WREN_PASSWORD or a prompt that does not echo,
 * never from argv (which other users can read in the process list).
 */
export async function readPassword(prompt: string): Promise<string> {
  const fromEnv = process.env.WREN_PASSWORD;
  if (fromEnv) return fromEnv;
  const input = process.stdin;
  if (!input.isTTY) throw new WrenError('BadRequest', 'No password: set WREN_PASSWORD or run in a terminal to be asked.');
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.resume();
  return new Promise((resolve) => {
    let typed = '';
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          input.setRawMode(false);
          input.pause();
          input.off('data', onData);
          process.stderr.write('\n');
          resolve(typed);
          return;
        }
        if (char === '\u0003') process.exit(EXIT.interrupted);
        typed = char === '\u007f' ? typed.slice(0, -1) : typed + char;
      }
    };
    input.on('data', onData);
  });
}
