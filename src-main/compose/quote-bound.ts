import type { ComposeLanguage } from './quote-original';

/**
 * The most of an original's text an answer quotes. Quoted whole, a 4.6 MB mail made an answer that the web mode
 * could neither save as a draft nor send (its socket takes a message of 1 MB at most: the connection dropped),
 * and nobody answers megabytes line by line; the original stays in the thread.
 */
export const MAX_QUOTED_CHARS = 100_000;

/** The original's text as an answer quotes it: whole, or its beginning cut at a line when it can be, and what was left out said. */
export function boundedQuote(text: string, language: ComposeLanguage): string {
  if (text.length <= MAX_QUOTED_CHARS) return text;
  const lineEnd = text.lastIndexOf('\n', MAX_QUOTED_CHARS);
  let end = lineEnd >= MAX_QUOTED_CHARS / 2 ? lineEnd : MAX_QUOTED_CHARS;
  // Never between the two halves of a surrogate pair (an emoji, a rare Chinese character).
  if (end === MAX_QUOTED_CHARS && /[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end -= 1;
  const rest = sizeWords(Buffer.byteLength(text.slice(end), 'utf8'));
  const note = language === 'zh' ? `[……其余部分（${rest}）未引用]` : `[… the rest (${rest}) is not quoted]`;
  return `${text.slice(0, end).replace(/\n+$/, '')}\n${note}`;
}

function sizeWords(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
