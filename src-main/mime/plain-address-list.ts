/**
 * The common address lists read without the full parser: `Name <a@b>`, `"Name, Q." <a@b>`, `<a@b>` and
 * `a@b`, joined by commas. nodemailer's addressparser tokenizes character by character and was about
 * 0.3 s of a 10,000-message header sync; most lists are this plain. Anything else (comments, groups,
 * escapes, an @ in an unquoted name, a stray character) returns null, and the caller uses the full parser,
 * so the result is always the one addressparser gives (test/unit/mime/plain-address-list.test.ts compares).
 */

/** Characters that never appear in the plain forms outside a quoted name. */
const SPECIAL = /[()\\:;[\]]/;
const ADDRESS = String.raw`[^\s<>,"()\\:;@[\]]+@[^\s<>,"()\\:;@[\]]+`;
const NAME = String.raw`"[^"\\]*"|[^"<>,@()\\:;[\]]*`;
/** One entry and the comma after it (or the end): a name and an angle address, or a bare address. */
const ENTRY = new RegExp(String.raw`[ \t]*(?:(${NAME})[ \t]*<(${ADDRESS})>|(${ADDRESS}))[ \t]*(?:,|$)`, 'y');

export interface PlainAddress {
  name: string;
  address: string;
}

export function plainAddressList(value: string): PlainAddress[] | null {
  if (SPECIAL.test(value)) return null;
  const entries: PlainAddress[] = [];
  ENTRY.lastIndex = 0;
  while (ENTRY.lastIndex < value.length) {
    const start = ENTRY.lastIndex;
    const match = ENTRY.exec(value);
    if (!match) return null;
    const [, name, angled, bare] = match;
    entries.push(bare !== undefined ? { name: '', address: bare } : angledEntry(unquoted(name ?? ''), angled ?? ''));
    if (ENTRY.lastIndex === start) return null;
  }
  return entries;
}

/** As addressparser: a name that only repeats the address is no name. */
function angledEntry(name: string, address: string): PlainAddress {
  return { name: name === address ? '' : name, address };
}

function unquoted(name: string): string {
  return name.startsWith('"') ? name.slice(1, -1) : name.trim();
}
