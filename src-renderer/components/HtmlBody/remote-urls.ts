/** What to do with one URL that a mail would load by itself (an image, a background…). */
export interface LoadVerdict {
  /** The URL to keep, or null to remove it. */
  keep: string | null;
  /** True when it was removed because it would reach out to a remote server. */
  blockedRemote: boolean;
}

/**
 * Characters no real remote URL holds unescaped. Found in one, they mean an
 * attribute or url( left open swallowed the markup after it ("dangling markup"):
 * loading it would send the rest of the message to the sender's server.
 */
const DANGLING_MARKUP = /[\n\r<"']/;

/**
 * Inline `data:` always loads. Remote URLs load only when the user asked for
 * remote content, and then only over https (the frame's CSP allows no more):
 * http and protocol-relative ones are upgraded, as browsers upgrade mixed
 * content. Everything else (cid: left unresolved, relative paths that would
 * resolve against Wren's own page, dangling markup) is dropped quietly: it
 * could never load, so it is not offered as blocked remote content.
 */
export function judgeLoadUrl(rawUrl: string, allowRemote: boolean): LoadVerdict {
  // Browsers ignore whitespace and control characters inside URLs, so "ht\ttp:" is http.
  const url = [...rawUrl].filter((character) => character.charCodeAt(0) > 0x20).join('');
  const lower = url.toLowerCase();
  if (lower.startsWith('data:')) return { keep: rawUrl.trim(), blockedRemote: false };
  const remote = /^(https?:)?\/\//.test(lower);
  if (!remote || DANGLING_MARKUP.test(rawUrl.trim())) return { keep: null, blockedRemote: false };
  if (!allowRemote) return { keep: null, blockedRemote: true };
  if (lower.startsWith('https:')) return { keep: url, blockedRemote: false };
  return { keep: `https:${url.slice(url.indexOf('//'))}`, blockedRemote: false };
}

/** The URLs of a `srcset` ("a.png 1x, b.png 2x"); data URLs may contain commas, so no plain split. */
export function srcsetUrls(srcset: string): string[] {
  const urls: string[] = [];
  let rest = srcset;
  for (;;) {
    rest = rest.replace(/^[\s,]+/, '');
    const url = /^\S+/.exec(rest)?.[0];
    if (!url) return urls;
    rest = rest.slice(url.length);
    if (url.endsWith(',')) {
      urls.push(url.replace(/,+$/, ''));
      continue;
    }
    urls.push(url);
    const comma = rest.indexOf(',');
    rest = comma < 0 ? '' : rest.slice(comma + 1);
  }
}

/** A srcset is kept whole or not at all; `src` remains as the fallback. */
export function judgeSrcset(srcset: string, allowRemote: boolean): LoadVerdict {
  // Candidates are split at whitespace, so a URL's own check would miss markup swallowed after it.
  if (DANGLING_MARKUP.test(srcset)) return { keep: null, blockedRemote: false };
  const urls = srcsetUrls(srcset);
  const verdicts = urls.map((url) => judgeLoadUrl(url, allowRemote));
  const blockedRemote = verdicts.some((verdict) => verdict.blockedRemote);
  const allKept = verdicts.length > 0 && verdicts.every((verdict, index) => verdict.keep === urls[index]);
  return { keep: allKept ? srcset : null, blockedRemote };
}
