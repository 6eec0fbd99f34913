/**
 * Messages to another thread, gathered for the rest of the event loop's
 * turn and posted as one array: a burst of a thousand sends or replies is a
 * few structured clones and wake-ups of the other side, not a thousand.
 * Order is kept.
 */
export function batchedPost<T>(post: (messages: T[]) => void): (message: T) => void {
  let gathered: T[] = [];
  return (message) => {
    gathered.push(message);
    if (gathered.length > 1) return;
    setImmediate(() => {
      const messages = gathered;
      gathered = [];
      post(messages);
    });
  };
}
