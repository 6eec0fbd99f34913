/** Compresses UIDs into an IMAP sequence set ("1:5,9,12:14") so commands stay short. */
export function toSequenceSet(uids: number[]): string {
  const sorted = [...uids].sort((a, b) => a - b);
  const ranges: string[] = [];
  let start = sorted[0];
  let previous = start;
  for (const uid of sorted.slice(1).concat(Number.NaN)) {
    if (uid === previous! + 1) {
      previous = uid;
      continue;
    }
    if (start !== undefined) ranges.push(start === previous ? `${start}` : `${start}:${previous}`);
    start = uid;
    previous = uid;
  }
  return ranges.join(',');
}
