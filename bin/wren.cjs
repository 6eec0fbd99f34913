#!/usr/bin/env node
// The `wren` command: a thin door to the bundled CLI (built by `npm ci` through
// the prepare script, or by `npm run build:main`).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', 'dist', 'main', 'cli-main.cjs');
if (!existsSync(cli)) {
  process.stderr.write('wren: the CLI is not built yet. Run "npm run build:main" in the Wren folder.\n');
  process.exit(2);
}
// runCli exits by itself, once all output has been written (a pipe may drain slowly).
require(cli).runCli(process.argv.slice(2));
