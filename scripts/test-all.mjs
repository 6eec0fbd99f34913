// `npm test`: what CI runs and what a newcomer runs. Type check, lint, build,
// then the three test levels in order: unit, integration (real Dovecot and
// SMTP lab), end-to-end (Chromium driving the web mode). Prints one closing
// line "Tests: N passed, N failed" over all levels.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const levels = process.argv.slice(2).length ? process.argv.slice(2) : ['unit', 'integration', 'e2e'];
mkdirSync('test-artifacts', { recursive: true });

function run(title, command, args) {
  process.stdout.write(`\n=== ${title}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } });
  return result.status === 0;
}

/** Runs a command with its output held, and prints it under its title once it ends (for checks run side by side). */
function check(title, command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      process.stdout.write(`\n=== ${title}\n${output}`);
      resolve(code === 0);
    });
  });
}

// The checks are single-threaded and independent (what `npm run typecheck` and `npm run lint` run): side by side.
const checks = await Promise.all([
  check('typecheck (main)', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']),
  check('typecheck (renderer)', 'npx', ['tsc', '-p', 'src-renderer/tsconfig.json', '--noEmit']),
  check('lint', 'npx', ['eslint', '.']),
]);
let ok = checks.every(Boolean);
ok = run('build', 'npm', ['run', '--silent', 'build']) && ok;

let passed = 0;
let failed = 0;
const failures = [];
for (const level of levels) {
  const report = `test-artifacts/${level}-results.json`;
  rmSync(report, { force: true });
  const green = run(`${level} tests`, 'npx', ['vitest', 'run', '--project', level, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  try {
    const results = JSON.parse(readFileSync(report, 'utf8'));
    passed += results.numPassedTests;
    // A file whose beforeAll failed has no failed test, only skipped ones: count the file.
    failed += results.numFailedTests || results.numFailedTestSuites;
    if (results.numTotalTests === 0) ok = false;
    failures.push(...failedTests(level, results));
  } catch {
    failed += 1; // the level crashed before reporting
  }
  ok = green && ok;
}
// Repeated at the very end because a CI log is often read from its tail only.
for (const failure of failures) process.stdout.write(`\nFAILED ${failure}`);
process.stdout.write(`\nTests: ${passed} passed, ${failed} failed\n`);
process.exit(ok && failed === 0 ? 0 : 1);

/** "level file > test: first line of the error" for each failed test (or failed file) in a vitest JSON report. */
function failedTests(level, results) {
  const lines = [];
  for (const file of results.testResults ?? []) {
    const path = String(file.name).replace(`${process.cwd()}/`, '');
    const failedHere = (file.assertionResults ?? []).filter((test) => test.status === 'failed');
    for (const test of failedHere) {
      const why = messageBeforeStack(test.failureMessages?.[0]);
      lines.push(`${level} ${path} > ${test.fullName}: ${why}`);
    }
    if (failedHere.length === 0 && file.status === 'failed') lines.push(`${level} ${path}: ${messageBeforeStack(file.message)}`);
  }
  return lines;
}

/**
 * What a failure said, before its stack: an assertion's own message may hold several lines (a command's
 * stderr), and the CI log is often all there is to go on, so they are kept, on one line.
 */
function messageBeforeStack(message) {
  const text = String(message ?? '');
  const beforeStack = text.split(/\n\s+at /)[0];
  return beforeStack.split('\n').map((line) => line.trim()).filter(Boolean).join(' | ').slice(0, 1200);
}
