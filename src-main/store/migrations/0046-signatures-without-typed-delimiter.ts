import type { Migration } from './migration';

/**
 * A signature the user typed with its own "-- " line above it (many Thunderbird users do) showed that line twice,
 * the composer writing the delimiter too. Identities are saved without it since (compose/identity-editing.ts); this
 * takes it off those saved before. The line is "--" with any trailing spaces (and a CR from pasted text); a
 * signature that was nothing else becomes none.
 */
export const signaturesWithoutTypedDelimiter: Migration = {
  // Its place in MIGRATIONS.
  version: 46,
  name: 'signatures-without-typed-delimiter',
  up: `
UPDATE identities
  SET signature = CASE
    WHEN instr(signature, char(10)) = 0 THEN NULL
    ELSE nullif(substr(signature, instr(signature, char(10)) + 1), '')
  END
  WHERE signature IS NOT NULL
    AND rtrim(CASE WHEN instr(signature, char(10)) = 0 THEN signature ELSE substr(signature, 1, instr(signature, char(10)) - 1) END, ' ' || char(9) || char(13)) = '--';
`,
};
