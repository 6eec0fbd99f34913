import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/**
 * Vitest global setup of the integration level: the tests that run the `wren`
 * CLI or the sync worker use the bundles in dist/main, built here once for
 * the whole run (each file building them again cost seconds apiece, and with
 * files in parallel a bundle could be rewritten while another file ran it).
 */
export default async function buildMainOnce(): Promise<void> {
  await promisify(execFile)(process.execPath, ['scripts/build-main.mjs']);
}
