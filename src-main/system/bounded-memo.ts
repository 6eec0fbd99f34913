/**
 * A pure function of a string with its results kept, up to `limit` of them, then all forgotten at once and
 * kept again as asked: simpler than LRU, and a list's repeated names are back in it at once. For the sort keys
 * and pinyin readings SQLite asks for row by row (store/name-sort-key.ts, store/person-name-pinyin.ts).
 */
export function boundedMemo<T>(limit: number, make: (key: string) => T): (key: string) => T {
  const kept = new Map<string, T>();
  return (key) => {
    const known = kept.get(key);
    if (known !== undefined) return known;
    const made = make(key);
    if (kept.size >= limit) kept.clear();
    kept.set(key, made);
    return made;
  };
}
