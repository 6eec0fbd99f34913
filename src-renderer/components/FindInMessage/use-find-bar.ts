import { useEffect, useRef, useState } from 'react';

/**
 * The open message's find bar: Ctrl+F (a new `asked` count) opens it, or, open already, gives its box the focus
 * again (FindBar's focusAsked); the count at the message's opening opens nothing.
 */
export function useFindBar(asked: number) {
  const body = useRef<HTMLDivElement>(null);
  const openedAt = useRef(asked);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (asked !== openedAt.current) setOpen(true);
  }, [asked]);
  return { body, open, asked, close: () => setOpen(false) };
}
