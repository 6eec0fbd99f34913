/** Room kept between a menu and the window's edges. */
export const MENU_MARGIN = 4;

interface Size {
  width: number;
  height: number;
}

/**
 * Where a menu opened at `at` goes so that all of it is inside the window, as native menus do: to the right of and
 * below the pointer when it fits, else leftwards or upwards from it, else pushed in from the edge it would cross.
 * `menu` is its whole box (padding and border included); one taller than the window is held to it and scrolls.
 */
export function placeMenu(at: { x: number; y: number }, menu: Size, view: Size): { left: number; top: number; maxHeight: number } {
  const maxHeight = Math.max(0, view.height - 2 * MENU_MARGIN);
  const height = Math.min(menu.height, maxHeight);
  return { left: along(at.x, menu.width, view.width), top: along(at.y, height, view.height), maxHeight };
}

/** One axis: from the point onwards, else back from it, else as far from the far edge as fits. */
function along(point: number, length: number, room: number): number {
  if (point + length <= room - MENU_MARGIN) return Math.max(MENU_MARGIN, point);
  if (point - length >= MENU_MARGIN) return point - length;
  return Math.max(MENU_MARGIN, room - length - MENU_MARGIN);
}
