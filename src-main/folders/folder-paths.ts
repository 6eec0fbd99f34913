import type { FolderRecord } from '../store/folders-repo';

/** Whether `inner` is `outer` or below it, by `outer`'s delimiter (a flat server's folder holds none). */
export function isWithin(inner: FolderRecord, outer: FolderRecord): boolean {
  return inner.path === outer.path || (outer.delimiter !== null && inner.path.startsWith(`${outer.path}${outer.delimiter}`));
}

/** `name`, or "<name> (2)", "<name> (3)"… the first that is not `taken`, as Thunderbird names a folder moved where its name is. */
export function freeName(name: string, taken: (candidate: string) => boolean): string {
  let free = name;
  for (let n = 2; taken(free); n += 1) free = `${name} (${n})`;
  return free;
}
