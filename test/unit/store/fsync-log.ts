import type * as Fs from 'node:fs';

/**
 * What was flushed to the disk, in order: the path behind each fsync'd
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
  return { ...fs, fsync, default: { ...fs, fsync } } as typeof Fs;
}
