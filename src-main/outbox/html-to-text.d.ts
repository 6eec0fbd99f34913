// html-to-text ships no types; only the call Wren makes is declared.
declare module 'html-to-text' {
  export function convert(html: string, options?: { wordwrap?: number | false; selectors?: unknown[] }): string;
}
