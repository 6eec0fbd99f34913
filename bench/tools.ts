// The outside programs the bench compares against or measures with. A missing one is
// installed with apt when the bench runs as root (it says so); otherwise its row is skipped
// with the exact package to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Tools {
  /** mbsync's path and version, or why it is not available. */
  mbsync: { path: string; version: string; tlsKeyword: 'TLSType' | 'SSLType' } | { missing: string };
  /** GNU time for exact peak RSS, or null (then /proc is polled). */
  time: string | null;
  notes: string[];
}

const APT_PACKAGES = { mbsync: 'isync', time: 'time' } as const;

export function detectTools(): Tools {
  const notes: string[] = [];
  const missing = (Object.keys(APT_PACKAGES) as Array<keyof typeof APT_PACKAGES>).filter((tool) => !findTool(tool));
  if (missing.length) installWithApt(missing.map((tool) => APT_PACKAGES[tool]), notes);
  const time = findTool('time') && gnuTimeWorks('/usr/bin/time') ? '/usr/bin/time' : null;
  if (!time) notes.push('GNU time not found: peak RSS is sampled from /proc instead (less exact). Install it with: apt-get install time');
  return { mbsync: describeMbsync(), time, notes };
}

function findTool(tool: 'mbsync' | 'time'): string | null {
  const candidates = tool === 'time' ? ['/usr/bin/time'] : ['/usr/bin/mbsync', '/usr/local/bin/mbsync'];
  return candidates.find((file) => existsSync(file)) ?? null;
}

function gnuTimeWorks(file: string): boolean {
  return spawnSync(file, ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;
}

export function installWithApt(packages: string[], notes: string[]): void {
  const hint = `apt-get install -y ${packages.join(' ')}`;
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
    notes.push(`Missing: ${packages.join(', ')}. Install with: ${hint}`);
    return;
  }
  process.stdout.write(`bench: installing ${packages.join(' ')} with apt-get (needed for the comparison)...\n`);
  const result = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status === 0) notes.push(`Installed with apt-get: ${packages.join(' ')}`);
  else notes.push(`apt-get could not install ${packages.join(' ')} (try "apt-get update" first): ${hint}`);
}

function describeMbsync(): Tools['mbsync'] {
  const file = findTool('mbsync');
  if (!file) return { missing: 'mbsync not found; install the apt package "isync" (apt-get install isync)' };
  const version = execFileSync(file, ['--version'], { encoding: 'utf8' }).trim();
  // isync 1.5 renamed SSLType to TLSType; 1.4 only knows SSLType.
  const [major = 0, minor = 0] = (/(\d+)\.(\d+)/.exec(version) ?? []).slice(1).map(Number);
  return { path: file, version, tlsKeyword: major > 1 || (major === 1 && minor >= 5) ? 'TLSType' : 'SSLType' };
}
