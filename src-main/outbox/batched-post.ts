/**
 * Messages to another thread, gathered for the rest of the event loop's
 * turn (or `gatherMs`, for replies that come one per turn, as sends ending
 * one after another on a connection) and posted as one array: a burst of a
 * thousand sends or replies is a few structured clones and wake-ups of the
 * other side, not a thousand. Order is kept.
 */
export function batchedPost<T>(post: (messages: T[]) => void, gatherMs = 0): (message: T) => void {
  let gathered: T[] = [];
  const flush = () => {
    const messages = gathered;
    gathered = [];
    post(messages);
  };
  return (message) => {
    gathered.push(message);
    if (gathered.length > 1) return;
    if (gatherMs > 0) setTimeout(flush, gatherMs);
    else setImmediate(flush);
  };
}
