// `npm start`: builds, then opens the Electron app. The Electron binary is
// fetched on first run (Electron 42+); where that is impossible, say so and
// point at the web mode, which serves the same app without it.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

let electronPath;
try {
  electronPath = require('electron');
} catch (error) {
  process.stderr.write(
    `\nWren: the Electron binary is missing and could not be downloaded (${error.message.split('\n')[0]}).\n` +
      'Get it on a machine with internet access with "npx install-electron", or run the same app in your\n' +
      'browser without Electron: "npm run web" (it prints a local URL to open).\n',
  );
  process.exit(1);
}
const child = spawn(electronPath, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
