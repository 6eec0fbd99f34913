import { decodeText, decodeTransfer } from '../mime/decode-part';
import { escapeHtml } from '../mime/escape-html';
import type { DisplayParts } from '../mime/choose-display-parts';
import { forwardedBlock, type ForwardedBlock } from '../mime/forwarded-message-block';
import { readableTextInWorker } from '../mime/parse-in-worker';
import { parseSource } from '../mime/parse-source';
import type { StructurePart } from '../mime/structure';

/** One shown part, decoded: a text, an HTML, or a forwarded message's block. */
export type Piece = { kind: 'text'; text: string } | { kind: 'html'; html: string } | { kind: 'message'; block: ForwardedBlock };

/** A fetched part as it is shown: text parts decoded by their charset, a forwarded message parsed as a message of its own (GBK and all). */
export async function readPiece(part: StructurePart, raw: Buffer, warnings: string[]): Promise<Piece> {
  const bytes = decodeTransfer(raw, part.encoding);
  warnings.push(...bytes.warnings);
  if (part.type === 'message/rfc822') {
    // Parsed here: at most INLINE_MESSAGE_MAX_BYTES (fetch-display-body.ts), tens of ms. Its own oddities (no
    // Date…) are its sender's, not news about the message read: not repeated as warnings.
    const inner = await parseSource(bytes.bytes, { embedInlineImages: true });
    return { kind: 'message', block: forwardedBlock(inner, inner.text === null && inner.html ? await readableTextInWorker(inner.html) : null) };
  }
  const decoded = decodeText(bytes.bytes, part.parameters.charset ?? null);
  warnings.push(...decoded.warnings);
  return part.type === 'text/html' ? { kind: 'html', html: decoded.text } : { kind: 'text', text: decoded.text };
}

async function asText(piece: Piece): Promise<string> {
  if (piece.kind === 'text') return piece.text;
  if (piece.kind === 'message') return piece.block.text;
  return readableTextInWorker(piece.html);
}

function asHtml(piece: Piece, withImages: (html: string) => string): string {
  if (piece.kind === 'html') return withImages(piece.html);
  if (piece.kind === 'message') return piece.block.html;
  // A plain part among HTML ones (a list's footer after an HTML body): shown as written, never read as markup.
  return `<pre class="wren-inline-text" style="white-space:pre-wrap">${escapeHtml(piece.text)}</pre>`;
}

/**
 * The display body: each view's parts in their order, joined as MailParser joins the texts of a
 * multipart/mixed (a line break between texts), so a message reads the same from its parts as from its source.
 * A part that could not be fetched is left out; a view with nothing is null.
 */
export async function composeDisplayBody(chosen: DisplayParts, pieces: Map<string, Piece>, withImages: (html: string) => string): Promise<{ text: string | null; html: string | null }> {
  const found = (list: StructurePart[]) => list.flatMap((part) => pieces.get(part.part) ?? []);
  const texts = await Promise.all(found(chosen.text).map(asText));
  const htmls = found(chosen.html).map((piece) => asHtml(piece, withImages));
  return { text: texts.length ? texts.join('\n') : null, html: htmls.length ? htmls.join('\n') : null };
}
