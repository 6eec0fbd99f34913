/**
 * Parses a Date header. V8's Date parser reads RFC 5322 dates, including the
 * "(CST)" comments many mailers append; what it cannot read is retried
 * without comments and day names, then given up (null, never "now": a wrong
 * date sorts a message into the wrong place for good).
 */
export function parseMailDate(value: string | null | undefined): number | null {
  const text = (value ?? '').trim();
  if (!text) return null;
  const direct = Date.parse(text);
  if (Number.isFinite(direct)) return direct;
  const cleaned = text
    .replace(/\([^)]*\)/g, ' ')
    .replace(/^[A-Za-z]{2,},?\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();
  const retried = Date.parse(cleaned);
  return Number.isFinite(retried) ? retried : null;
}
