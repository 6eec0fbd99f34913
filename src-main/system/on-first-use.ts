/**
 * A value made at its first use, then kept. Wren loads the npm packages only
 * some work needs this way (first-use-packages.ts): imported at the top, they
 * cost every `wren` command and every start of the app about 70 ms (`wren
 * account list` took 0.25 s, 0.17 s without them), for a send, a draft or an
 * HTML part that most never reach.
 */
export function onFirstUse<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}
