import { plainToHtml } from './quote-original';

/**
 * The signature in formatted (HTML) mail: the same "-- " line as in plain
 * text, in a block marked `data-signature` so the composer finds it again to
 * replace it when another identity is chosen (Thunderbird marks it with a class).
 */
export function signatureHtml(signature: string | null | undefined): string {
  return signature ? `<div data-signature="">-- <br>${plainToHtml(signature)}</div>` : '';
}

/**
 * An answer's or forward's HTML with the signature where the plain text has it:
 * below the empty line the user writes on, above the quoted original.
 */
export function withSignatureHtml(html: string, signature: string | null | undefined): string {
  const block = signatureHtml(signature);
  const writingLine = '<p><br></p>';
  if (!block) return html;
  return html.startsWith(writingLine) ? `${writingLine}${block}${html.slice(writingLine.length)}` : `${block}${html}`;
}
