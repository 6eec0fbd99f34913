import { afterEach, beforeEach } from 'vitest';

/** happy-dom does no layout; give the list a height so the virtualizer has rows to draw. */
export function withListLayout(): void {
  beforeEach(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
    Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 400 });
  });
  afterEach(() => {
    delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
    delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
  });
}

/** The first render also pays for loading the modules: wait for the rows generously on a busy machine. */
export const SLOW = { timeout: 10_000 };
