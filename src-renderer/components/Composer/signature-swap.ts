/** The signature below the text, as the core writes it (src-main/compose/identities.ts): after the "-- " line mail readers know. */
export function signatureBlock(signature: string | null | undefined): string {
  return signature ? `\n\n-- \n${signature}` : '';
}

/**
 * The text with the previous identity's signature replaced by the chosen
 * one's, where it stands. With no previous signature, the new one goes
 * above `quoted` (the original of an answer or forward, where the core put
 * it) when the text still ends with it, otherwise at the end.
 */
export function swapSignature(text: string, previous: string | null | undefined, chosen: string | null | undefined, quoted: string): string {
  const before = signatureBlock(previous);
  const after = signatureBlock(chosen);
  if (before === after) return text;
  const at = before ? text.indexOf(before) : -1;
  if (at >= 0) return text.slice(0, at) + after + text.slice(at + before.length);
  if (quoted && text.endsWith(quoted)) return text.slice(0, text.length - quoted.length) + after + quoted;
  return text + after;
}

/** What the core put below the signature block when it filled the composer in: the quoted original, or nothing. */
export function quotedPart(initialText: string, initialSignature: string | null | undefined): string {
  const block = signatureBlock(initialSignature);
  return block && initialText.startsWith(block) ? initialText.slice(block.length) : block ? '' : initialText;
}
