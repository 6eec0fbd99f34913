import type * as Fs from 'node:fs';

/**
 * What was flushed to the disk, in order: the path behind each fsync'd (or fdatasyncSync'd)
 * descriptor (read from /proc, so Linux only, like the lab). Installed by a
 * test file with `vi.mock('node:fs', async (original) => (await import('./fsync-log')).withFsyncLog(original))`.
 */
export const fsyncLog: string[] = [];

export async function withFsyncLog(importOriginal: () => Promise<typeof Fs>): Promise<typeof Fs> {
  const fs = await importOriginal();
  const fsync = ((fd: number, callback: (error: NodeJS.ErrnoException | null) => void) => {
    fsyncLog.push(fs.readlinkSync(`/proc/self/fd/${fd}`));
    fs.fsync(fd, callback);
  }) as typeof fs.fsync;
  const fdatasyncSync = ((fd: number) => {
    fsyncLog.push(fs.readlinkSync(`/proc/self/fd/${fd}`));
    fs.fdatasyncSync(fd);
  }) as typeof fs.fdatasyncSync;
  return { ...fs, fsync, fdatasyncSync, default: { ...fs, fsync, fdatasyncSync } } as typeof Fs;
}
