import { htmlToText } from '../system/first-use-packages';

/**
 * An HTML body as plain text to read (Thunderbird's View ▸ Message Body As ▸ Plain Text): paragraphs, lists and
 * table cells as lines, each link's address after its words in angle brackets (unless the words are the address), and
 * images left out, so nothing remote is ever fetched. Lines are not wrapped here: the reading pane wraps them.
 */
export function readableText(html: string): string {
  return htmlToText().convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'img', format: 'skip' },
      // Headings keep their case (html-to-text would shout them in capitals).
      ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
      // Most mail's tables only lay it out: a cell per line reads better than columns run together.
      { selector: 'td', format: 'block', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
      { selector: 'th', format: 'block', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
      { selector: 'a', options: { linkBrackets: ['<', '>'], hideLinkHrefIfSameAsText: true, ignoreHref: false } },
    ],
  });
}
