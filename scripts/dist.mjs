// `npm run dist`: builds, then packages with electron-builder. Packaging needs the
// Electron binary's zip for each target (and the AppImage/deb tools), all downloaded
// by electron-builder; where that cannot happen, stop with a clear message instead
// of a long download stack trace. Offline, give a local Electron: -c.electronDist=DIR.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { get } from 'node:https';

const args = process.argv.slice(2);
const require = createRequire(import.meta.url);

function hasLocalElectron() {
  if (args.some((a) => a.startsWith('-c.electronDist=') || a.startsWith('--config.electronDist='))) return true;
  try {
    // The binary's download leaves path.txt beside the package; requiring 'electron' would start a download.
    return existsSync(join(dirname(require.resolve('electron/package.json')), 'path.txt'));
  } catch {
    return false;
  }
}

/** Whether GitHub's release downloads (where electron-builder fetches Electron) answer at all. */
function canReachReleases() {
  return new Promise((resolve) => {
    const request = get('https://github.com/electron/electron/releases', { timeout: 8000 }, (response) => {
      response.resume();
      resolve(true);
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', () => resolve(false));
  });
}

if (!hasLocalElectron() && !(await canReachReleases())) {
  process.stderr.write(
    '\nWren: cannot package: the Electron binary is not installed and cannot be downloaded here\n' +
      '(no connection to github.com). On a machine with internet access run "npm run dist", or pass an\n' +
      'unpacked Electron of the same version: npm run dist -- -c.electronDist=/path/to/electron\n' +
      'The app itself still runs without Electron: "npm run web".\n',
  );
  process.exit(1);
}

const run = (command, commandArgs) => spawnSync(command, commandArgs, { stdio: 'inherit' }).status ?? 1;
const built = run('npm', ['run', 'build']);
if (built !== 0) process.exit(built);
process.exit(run('npx', ['electron-builder', ...args]));
