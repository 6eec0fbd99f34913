// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContextMenu, type MenuItem } from '../../../src-renderer/components/ContextMenu';
import { MENU_MARGIN, placeMenu } from '../../../src-renderer/components/ContextMenu/menu-place';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const VIEW = { width: 1024, height: 700 };

describe('placeMenu', () => {
  it('opens right of and below the pointer when it fits', () => {
    expect(placeMenu({ x: 100, y: 50 }, { width: 220, height: 300 }, VIEW)).toEqual({ left: 100, top: 50, maxHeight: 692 });
  });

  it('opens upwards from a pointer low in the window, and leftwards near the right edge', () => {
    expect(placeMenu({ x: 950, y: 650 }, { width: 220, height: 300 }, VIEW)).toEqual({ left: 730, top: 350, maxHeight: 692 });
  });

  it('a menu that fits neither way is pushed up until its whole box (padding and border in it) is inside the window', () => {
    const { top, maxHeight } = placeMenu({ x: 300, y: 300 }, { width: 220, height: 598 }, VIEW);
    expect(top + 598).toBeLessThanOrEqual(VIEW.height - MENU_MARGIN);
    expect(top).toBeGreaterThanOrEqual(MENU_MARGIN);
    expect(maxHeight).toBe(692);
  });

  it('one taller than the window is held to it, from the top margin, and scrolls', () => {
    expect(placeMenu({ x: 300, y: 300 }, { width: 220, height: 900 }, VIEW)).toEqual({ left: 300, top: MENU_MARGIN, maxHeight: 692 });
  });
});

describe('ContextMenu', () => {
  it('places itself by its measured size: the 598 px message menu at 1024×700 ends inside the window', () => {
    vi.spyOn(window, 'innerWidth', 'get').mockReturnValue(VIEW.width);
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(VIEW.height);
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({ width: 220, height: 598, x: 0, y: 0, top: 0, left: 0, right: 220, bottom: 598, toJSON: () => ({}) });
    const items: MenuItem[] = Array.from({ length: 18 }, (_, index) => ({ label: `Item ${index}`, onSelect: () => undefined, testId: `item-${index}` }));
    render(<ContextMenu at={{ x: 300, y: 300 }} items={items} onClose={() => undefined} label="Message menu" />);
    const menu = screen.getByRole('menu');
    const top = parseFloat(menu.style.top);
    expect(top + 598).toBeLessThanOrEqual(VIEW.height - MENU_MARGIN);
    expect(parseFloat(menu.style.maxHeight)).toBe(VIEW.height - 2 * MENU_MARGIN);
    expect(document.activeElement).toBe(screen.getByTestId('item-0'));
  });
});
