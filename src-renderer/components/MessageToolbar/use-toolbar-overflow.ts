import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** What the overflow needs measured: the toolbar, a hidden row of every item at its natural width, and its fixed end. */
export interface OverflowRefs {
  toolbar: RefObject<HTMLDivElement | null>;
  /** Every item, then the More button, rendered hidden so their widths are known even when not shown. */
  measure: RefObject<HTMLDivElement | null>;
  /** What stays at the end whatever the width (the selection count, ⌨). */
  end: RefObject<HTMLDivElement | null>;
}

/**
 * How many of the toolbar's items fit on its one line; the rest go into its
 * More menu. Measured again whenever the toolbar or its end is resized or `layoutKey`
 * (the items' words, the language) changes.
 */
export function useToolbarOverflow(itemCount: number, layoutKey: string): { refs: OverflowRefs; shown: number } {
  const refs: OverflowRefs = { toolbar: useRef(null), measure: useRef(null), end: useRef(null) };
  const [shown, setShown] = useState(itemCount);
  const { toolbar, measure, end } = refs;
  useLayoutEffect(() => {
    const element = toolbar.current;
    if (!element) return;
    const update = () => setShown(fittingCount(element, measure.current, end.current, itemCount));
    update();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(update);
    observer.observe(element);
    // The end grows when a selection's count appears ("5 messages selected"): less room, with the toolbar's own size unchanged.
    if (end.current) observer.observe(end.current);
    return () => observer.disconnect();
  }, [toolbar, measure, end, itemCount, layoutKey]);
  return { refs, shown: Math.min(shown, itemCount) };
}

function fittingCount(toolbar: HTMLElement, measure: HTMLElement | null, end: HTMLElement | null, itemCount: number): number {
  const widths = [...(measure?.children ?? [])].map((child) => child.getBoundingClientRect().width);
  if (widths.length !== itemCount + 1 || widths.every((width) => width === 0)) return itemCount; // nothing laid out (yet)
  const style = getComputedStyle(toolbar);
  const gap = parseFloat(style.columnGap) || 0;
  const inner = toolbar.clientWidth - (parseFloat(style.paddingLeft) || 0) - (parseFloat(style.paddingRight) || 0);
  const available = inner - (end ? end.getBoundingClientRect().width + gap : 0);
  const moreWidth = widths[itemCount]!;
  let used = 0;
  for (let index = 0; index < itemCount; index++) {
    used += widths[index]! + (index > 0 ? gap : 0);
    const rest = index === itemCount - 1 ? 0 : gap + moreWidth;
    if (used + rest > available) return index;
  }
  return itemCount;
}
