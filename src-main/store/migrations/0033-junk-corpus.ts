import type { Migration } from './migration';

/**
 * The adaptive junk filter's training (src-main/junk): one corpus for every account, as Thunderbird keeps
 * one training.dat. `junk_tokens` counts, for each token, the junk and the good messages trained that held
 * it. `junk_trained` is each trained message, by its Message-ID (it keeps that across moves and devices),
 * with its verdict and the tokens it added, so that a message marked again is counted once and a message
 * changed from junk to good (or an undone mark) takes away exactly what it had added.
 */
export const junkCorpus: Migration = {
  // Its place in MIGRATIONS.
  version: 33,
  name: 'junk-corpus',
  up: `
CREATE TABLE junk_tokens (
  token TEXT PRIMARY KEY,
  junk INTEGER NOT NULL DEFAULT 0,
  good INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE junk_trained (
  message_key TEXT PRIMARY KEY,
  verdict TEXT NOT NULL CHECK (verdict IN ('junk', 'good')),
  tokens TEXT NOT NULL
) WITHOUT ROWID;
`,
};
