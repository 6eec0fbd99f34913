import { defineConfig } from 'vitest/config';
import { SlowestFirstSequencer } from './test/slowest-first-sequencer';

// Three levels, run by `npm test` in order: unit (no servers), integration
// (the real Dovecot + SMTP lab), e2e (Chromium driving `npm run web`).
//
// Vitest's default is one worker less than the CPUs: a single one on CI's two
// cores. The integration files mostly wait (on Dovecot, on a slowed line, on
// processes they start and kill), so three of them run side by side.
export default defineConfig({
  test: {
    sequence: { sequencer: SlowestFirstSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          // Most of a unit file's time is importing and transforming: two files at a time.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/integration/build-main-once.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          maxWorkers: 3,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Each file starts its own lab, web mode and Chromium, and mostly waits on them: two files side by
          // side took 4.2 minutes here against 6.3 one at a time.
          maxWorkers: 2,
          // What the UI does after a click may take more than expect.poll's default second on a loaded
          // CI machine; a poll that passes returns as soon as it does, so only a failure waits longer.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
