import { createInterface } from 'node:readline/promises';
import { WrenError } from '../errors/wren-error';

/**
 * Asks a yes/no question on the terminal (default no). Without a terminal
 * there is nobody to ask: the caller's --yes flag is then required.
 */
export async function confirm(question: string, flag = '--yes'): Promise<boolean> {
  if (!process.stdin.isTTY) throw new WrenError('BadRequest', `Not asked without a terminal: pass ${flag} to confirm.`);
  const reader = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await reader.question(`${question} [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    reader.close();
  }
}
