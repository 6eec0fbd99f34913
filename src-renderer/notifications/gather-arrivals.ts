import type { Events } from '../../src-main/ipc/contract';

/**
 * A sync announces each folder apart, so after a long time away mail in many folders comes as a burst
 * of `mail.new` events; told as one: the latest folder's newest message first, every message counted
 * (as the Electron app's alerts do in the main process).
 */
export function gatherArrivals(burst: readonly Events['mail.new'][]): Events['mail.new'] {
  const newestFirst = [...burst].reverse();
  return { ...newestFirst[0]!, ids: newestFirst.flatMap((event) => event.ids), messages: newestFirst.flatMap((event) => event.messages) };
}
