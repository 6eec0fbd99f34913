#!/usr/bin/env node
// `npm run bench [-- options]`: builds the CLI, then runs the benchmark (bench/, TypeScript,
// bundled on the fly). See bench/options.ts or `npm run bench -- --help`.
import { spawnSync } from 'node:child_process';
import { importTs, root } from './import-ts.mjs';

const argv = process.argv.slice(2);
if (!argv.includes('--help') && !argv.includes('-h')) {
  // The bench runs the real `wren` command (bin/wren.cjs), so it needs the current build;
  // --big-html drives the web mode's UI, so the renderer too.
  const script = argv.includes('--big-html') ? 'build' : 'build:main';
  const build = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

try {
  const { runBench } = await importTs('bench/bench-main.ts');
  process.exitCode = await runBench(argv, root);
} catch (error) {
  process.stderr.write(`bench: ${error instanceof Error ? error.stack : error}\n`);
  process.exitCode = 1;
}
