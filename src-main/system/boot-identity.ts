import { readFileSync } from 'node:fs';
import { uptime } from 'node:os';

/**
 * Which boot of the machine this is, to tell later whether the machine has
 * restarted since (a power loss, an OS crash, a reboot) or only a process
 * ended. Linux names each boot (boot_id); elsewhere the boot's time stands
 * for it, to the second.
 */
export function currentBoot(): string {
  try {
    return `id:${readFileSync('/proc/sys/kernel/random/boot_id', 'latin1').trim()}`;
  } catch {
    return `at:${Math.round(Date.now() / 1000 - uptime())}`;
  }
}

/** Boot times this far apart are the same boot: uptime and the clock are read at slightly different moments. */
const BOOT_TIME_SLACK_S = 2;

/**
 * Whether `recorded` (a currentBoot() of earlier) is this boot. When unsure
 * (a boot time moved by a clock change) it says no: the caller then takes
 * the careful way.
 */
export function isThisBoot(recorded: string, current = currentBoot()): boolean {
  if (recorded.startsWith('id:') || current.startsWith('id:')) return recorded === current;
  const then = Number(recorded.slice(3));
  const now = Number(current.slice(3));
  return Number.isFinite(then) && Number.isFinite(now) && Math.abs(then - now) <= BOOT_TIME_SLACK_S;
}
