// html-to-text ships no types; only the calls Wren makes are declared.
declare module 'html-to-text' {
  interface Options {
    wordwrap?: number | false;
    selectors?: unknown[];
  }
  export function convert(html: string, options?: Options): string;
  /** The options worked out once: the returned function converts with them (convert() redoes this work each call). */
  export function compile(options?: Options): (html: string) => string;
}
