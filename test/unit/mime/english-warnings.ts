import { warningText } from '../../../src-main/errors/warning-codes';

/**
 * A result with its warnings in the English sentences they carry (what the CLI prints), so a test can
 * say what each warning means; coded-warnings.test.ts checks the codes and values themselves.
 */
export function inEnglish<T extends { warnings: readonly string[] }>(result: T): T {
  return { ...result, warnings: result.warnings.map(warningText) };
}
