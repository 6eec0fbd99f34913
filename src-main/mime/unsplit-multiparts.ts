import type { UnsplitMultipart } from './resplit-multipart';

/** Beyond this, a multipart's unmatched content is not kept for a second reading (the worker's memory). */
const MAX_KEPT_BYTES = 64 * 1024 * 1024;

interface Kept {
  contentType: string;
  declaredBoundary: string;
  chunks: Buffer[];
  size: number;
}

/**
 * Keeps what the splitter calls preamble of each multipart until its first
 * part appears. A multipart whose declared boundary matched no line never
 * gets one: all of its content is left here, the parts the user should see
 * among it, for resplitMultipart to read again.
 */
export class UnsplitMultiparts {
  private readonly kept = new Map<object, Kept>();

  opened(node: object, contentType: string, declaredBoundary: string): void {
    this.kept.set(node, { contentType, declaredBoundary, chunks: [], size: 0 });
  }

  /** A part began under `node`, or its closing delimiter came: its boundary works, nothing to keep. */
  boundaryWorks(node: object): void {
    this.kept.delete(node);
  }

  content(node: object, value: Buffer): void {
    const kept = this.kept.get(node);
    if (!kept) return;
    kept.size += value.length;
    if (kept.size > MAX_KEPT_BYTES) this.kept.delete(node);
    else kept.chunks.push(value);
  }

  has(node: object): boolean {
    return this.kept.has(node);
  }

  /** The multiparts that ended without a single part, in the order they began, leaving out empty ones. */
  unsplit(): UnsplitMultipart[] {
    return [...this.kept.values()]
      .map((kept) => ({ contentType: kept.contentType, declaredBoundary: kept.declaredBoundary, body: Buffer.concat(kept.chunks) }))
      .filter((multipart) => multipart.body.toString('latin1').trim() !== '');
  }
}
