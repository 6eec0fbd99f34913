import { judgeLoadUrl } from './remote-urls';

export interface NeutralizedCss {
  css: string;
  blockedRemote: boolean;
}

// A url( left open runs to the end of the CSS (the `$` alternatives), as it does in browsers.
const URL_FUNCTION = /url\(\s*(?:"([^"]*)(?:"|$)|'([^']*)(?:'|$)|([^)]*?))\s*(?:\)|$)/gi;
const FONT_FACE = /@font-face\s*\{[^}]*\}?/gi;
const IMAGE_SET = /(?:-webkit-)?image-set\((?:[^()]|\([^()]*\))*\)/gi;
const QUOTED = /"([^"]*)"|'([^']*)'/g;
const IMPORT_RULE = /@import[^;]*;?/gi;
const LOADING_TOKENS = /url\s*\(|image-set\s*\(|@import/gi;

/**
 * Removes what CSS would fetch by itself: `url(...)`, `image-set(...)` and
 * `@import`. The frame's CSP blocks these as well; this keeps the "remote
 * content blocked" notice honest and is a second line of defence.
 */
export function neutralizeCss(css: string, allowRemote: boolean): NeutralizedCss {
  if (hidesTokensInEscapes(css)) {
    // Escapes like `\75 rl(` spell url( without looking like it; such CSS is dropped whole.
    return { css: '', blockedRemote: /https?:|\/\//i.test(decodeCssEscapes(css)) };
  }
  let blockedRemote = false;
  const judge = (url: string) => {
    const verdict = judgeLoadUrl(url, allowRemote);
    blockedRemote ||= verdict.blockedRemote;
    return verdict.keep;
  };
  const withoutImports = withoutRemoteFonts(css.replace(IMPORT_RULE, ''));
  const withImageSets = withoutImports.replace(IMAGE_SET, (imageSet) => (imageSetAllowed(imageSet, judge) ? imageSet : 'none'));
  const result = withImageSets.replace(URL_FUNCTION, (match, double?: string, single?: string, bare?: string) => {
    const url = double ?? single ?? bare ?? '';
    // Left open, it swallowed whatever followed (dangling markup); no sound mail does that.
    if (!match.endsWith(')')) return 'none';
    const kept = judge(url);
    if (kept === null) return 'none';
    return kept === url.trim() ? match : `url("${kept.replace(/["\\\n]/g, '')}")`;
  });
  return { css: result, blockedRemote };
}

/** The frame's CSP loads fonts from data: only, so remote ones could never load: removed, not offered. */
function withoutRemoteFonts(css: string): string {
  return css.replace(FONT_FACE, (block) =>
    block.replace(URL_FUNCTION, (match, double?: string, single?: string, bare?: string) =>
      match.endsWith(')') && /^\s*data:/i.test(double ?? single ?? bare ?? '') ? match : 'none',
    ),
  );
}

function imageSetAllowed(imageSet: string, judge: (url: string) => string | null): boolean {
  const strings = [...imageSet.matchAll(QUOTED)].map((match) => match[1] ?? match[2] ?? '');
  // Evaluate every string (not `every`, which stops early) so each blocked one is noted.
  return strings.map((url) => judge(url) === url.trim()).every(Boolean);
}

function hidesTokensInEscapes(css: string): boolean {
  if (!css.includes('\\')) return false;
  const count = (text: string) => text.match(LOADING_TOKENS)?.length ?? 0;
  return count(decodeCssEscapes(css)) > count(css);
}

function decodeCssEscapes(css: string): string {
  return css
    .replace(/\\([0-9a-fA-F]{1,6})\s?/g, (_match, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16) || 0xfffd))
    .replace(/\\(.)/g, '$1');
}
