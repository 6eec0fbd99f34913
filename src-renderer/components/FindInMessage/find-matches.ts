/** More would only slow the typing: the count says "1000+" beyond it. */
export const MAX_MATCHES = 1000;

/** Text that is not read: a mail's styles and scripts (the sanitizer drops scripts; styles stay inside the frame). */
const UNREAD = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The query as a pattern: its words in order, any run of blanks between them matching any other (a line break too). */
function patternOf(query: string): RegExp | null {
  const words = query.trim().split(/\s+/).filter(Boolean);
  return words.length === 0 ? null : new RegExp(words.map(escapeRegExp).join('\\s+'), 'giu');
}

/**
 * Where `query` occurs in the text under `root`, whatever the case, as ranges (a match may span several text
 * nodes: "o th" in `Hello <b>there</b>`), in reading order, at most MAX_MATCHES. Thunderbird's Find in This
 * Message; the ranges are shown with the CSS Custom Highlight API (see FindBar).
 */
export function findMatches(root: Node, query: string): Range[] {
  const pattern = patternOf(query);
  const document = root.ownerDocument ?? (root as Document);
  if (!pattern) return [];
  const walker = document.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */, {
    acceptNode: (node) => (node.parentElement && UNREAD.has(node.parentElement.tagName) ? 2 /* FILTER_REJECT */ : 1 /* FILTER_ACCEPT */),
  });
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(node as Text);
    starts.push(text.length);
    text += (node as Text).data;
  }
  const ranges: Range[] = [];
  for (const match of text.matchAll(pattern)) {
    if (match[0].length === 0) continue;
    const range = document.createRange();
    const start = locate(starts, match.index);
    const end = locate(starts, match.index + match[0].length - 1);
    range.setStart(nodes[start]!, match.index - starts[start]!);
    range.setEnd(nodes[end]!, match.index + match[0].length - starts[end]!);
    ranges.push(range);
    if (ranges.length === MAX_MATCHES) break;
  }
  return ranges;
}

/** The text node holding character `at` of the joined text (the last node starting at or before it). */
function locate(starts: number[], at: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (starts[middle]! <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}
