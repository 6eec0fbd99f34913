import { canDecodeCharset } from './charset-decoder';

/**
 * How to decode a charset label found in mail:
 * - `iconv`: an iconv-lite codec name;
 * - `iso-2022-jp`: the stateful Japanese encoding iconv-lite lacks (decoded with encoding-japanese);
 * - `utf-8`: decoded by Node itself;
 * - `unlabelled`: no usable label, so the bytes decide (see decodeText);
 * - `unknown`: a label we cannot decode, or refuse to.
 */
export type CharsetPlan =
  | { kind: 'iconv'; codec: string }
  | { kind: 'iso-2022-jp' }
  | { kind: 'utf-8' }
  | { kind: 'unlabelled' }
  | { kind: 'unknown'; label: string };

/**
 * Labels decoded as a superset of what they name, because senders routinely
 * label the superset with the subset's name: Chinese providers send GBK and
 * GB18030 text as "gb2312", Taiwanese and Hong Kong mail labelled Big5 carries
 * HKSCS characters, "euc-kr" mail uses the UHC (cp949) extensions, and
 * "iso-8859-1" mail contains windows-1252 quotes (the WHATWG rule).
 */
const SUPERSETS: Record<string, string> = {
  gb2312: 'gb18030', gbk: 'gb18030', cp936: 'gb18030', 'x-gbk': 'gb18030', 'euc-cn': 'gb18030',
  'gb_2312-80': 'gb18030', chinese: 'gb18030', 'csgb2312': 'gb18030', 'x-euc-cn': 'gb18030', gb18030: 'gb18030',
  big5: 'big5hkscs', 'big5-hkscs': 'big5hkscs', 'x-big5': 'big5hkscs', 'cn-big5': 'big5hkscs', cp950: 'big5hkscs',
  'x-x-big5': 'big5hkscs', csbig5: 'big5hkscs',
  'x-euc-jp': 'euc-jp',
  'shift_jis': 'cp932', 'shift-jis': 'cp932', sjis: 'cp932', 'x-sjis': 'cp932', 'ms_kanji': 'cp932', 'windows-31j': 'cp932',
  'euc-kr': 'cp949', 'ks_c_5601-1987': 'cp949', 'ks_c_5601': 'cp949', 'x-windows-949': 'cp949', uhc: 'cp949',
  'iso-8859-1': 'windows-1252', latin1: 'windows-1252', 'iso_8859-1': 'windows-1252', l1: 'windows-1252',
  'iso-8859-9': 'windows-1254', 'tis-620': 'windows-874', 'iso-8859-11': 'windows-874',
};

const ISO_2022_JP = /^(?:cs)?iso-?2022-?jp(?:-\d)?$|^jis$/;

/**
 * Codecs iconv-lite has that are not text charsets a message may be decoded
 * from. UTF-7 smuggles markup past filters (+ADw-script+AD4- is <script>),
 * base64/hex are transfer encodings.
 */
const REFUSED = /^(?:(?:cs)?unicode-?1-?1-?)?utf-?7(?:-?imap)?$|^base64$|^hex$|^binary$/;

/** Lower-cases a label and drops quotes, comments and stray spaces some mailers add. */
function cleanLabel(label: string): string {
  return label.replace(/\(.*?\)/g, '').replace(/["'\s]/g, '').toLowerCase();
}

/**
 * Plans by label, as given: a sync resolves the same few labels for every
 * encoded word, and the plan depends on the label alone. Bounded, and
 * emptied when full (odd labels are few but unbounded).
 */
const PLANS = new Map<string, CharsetPlan>();
const PLANS_LIMIT = 256;
const PLAN_KEY_LENGTH = 64;

export function resolveCharset(label: string | null | undefined): CharsetPlan {
  const key = label ?? '';
  const known = PLANS.get(key);
  if (known) return known;
  const plan = Object.freeze(planFor(key));
  if (key.length <= PLAN_KEY_LENGTH) {
    if (PLANS.size >= PLANS_LIMIT) PLANS.clear();
    PLANS.set((` ${key}`).slice(1), plan); // a copy: the label may be a slice of a whole header's or message's text
  }
  return plan;
}

function planFor(label: string): CharsetPlan {
  const name = cleanLabel(label);
  // A 7-bit label on 8-bit bytes is a lie the bytes expose, so treat it as no label.
  if (!name || name === 'us-ascii' || name === 'ascii' || name === 'ansi_x3.4-1968') return { kind: 'unlabelled' };
  if (name === 'utf-8' || name === 'utf8') return { kind: 'utf-8' };
  if (ISO_2022_JP.test(name)) return { kind: 'iso-2022-jp' };
  if (REFUSED.test(name)) return { kind: 'unknown', label: name };
  const codec = SUPERSETS[name] ?? name.replace(/^win-?(\d{4})$/, 'windows-$1');
  return canDecodeCharset(codec) ? { kind: 'iconv', codec } : { kind: 'unknown', label: name };
}
