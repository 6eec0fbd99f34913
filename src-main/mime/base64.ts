import { Transform, type TransformCallback } from 'node:stream';

const ALPHABET_ONLY = /^[A-Za-z0-9+/=]*$/;
const NOT_ALPHABET = /[^A-Za-z0-9+/=]/g;
/** A line whose share of foreign characters is above this is text, not damaged base64. */
const GARBAGE_SHARE = 0.1;
/** Base64 written without line breaks is decoded as it comes rather than held as one huge line. */
const MAX_PENDING_LINE = 64 * 1024;

/**
 * A tolerant, incremental base64 decoder that works line by line. Damaged mail
 * comes in two flavours: a stray character in an otherwise good line (decode
 * the line without it) and whole lines of something else, such as a
 * footer a list server pasted into the body (drop the line: stripping its
 * foreign characters would decode its letters into garbage bytes). Padding in
 * the middle (several base64 blobs glued together) restarts the quartets.
 *
 * Synchronous, so decodeTransfer can use it on a Buffer and Base64DecodeStream
 * on a stream; `skipped` counts what was thrown away, for the warning.
 */
export class Base64LineDecoder {
  skipped = 0;
  private line = '';
  private quartet = '';

  write(chunk: Buffer): Buffer {
    const text = this.line + chunk.toString('latin1');
    const lines = text.split('\n');
    this.line = lines.pop() ?? '';
    while (this.line.length > MAX_PENDING_LINE) {
      lines.push(this.line.slice(0, MAX_PENDING_LINE));
      this.line = this.line.slice(MAX_PENDING_LINE);
    }
    return Buffer.concat(lines.map((l) => this.decodeLine(l)));
  }

  end(): Buffer {
    const last = this.decodeLine(this.line);
    this.line = '';
    // Two or three leftover characters still carry one or two bytes; a single one carries none.
    const tail = Buffer.from(this.quartet, 'base64');
    if (this.quartet.length === 1) this.skipped += 1;
    this.quartet = '';
    return Buffer.concat([last, tail]);
  }

  private decodeLine(raw: string): Buffer {
    // White space anywhere is harmless (RFC 2045 says to ignore it); other foreign characters are damage.
    const line = raw.replace(/\s+/g, '');
    if (!ALPHABET_ONLY.test(line)) {
      const foreign = line.length - line.replace(NOT_ALPHABET, '').length;
      this.skipped += foreign;
      if (foreign > line.length * GARBAGE_SHARE) {
        this.skipped += line.length - foreign;
        return Buffer.alloc(0);
      }
      return this.decodeClean(line.replace(NOT_ALPHABET, ''));
    }
    return this.decodeClean(line);
  }

  private decodeClean(clean: string): Buffer {
    const parts: Buffer[] = [];
    let data = this.quartet + clean;
    for (let pad = data.indexOf('='); pad >= 0; pad = data.indexOf('=')) {
      parts.push(Buffer.from(data.slice(0, pad), 'base64'));
      data = data.slice(pad).replace(/^=+/, '');
    }
    const whole = data.length - (data.length % 4);
    parts.push(Buffer.from(data.slice(0, whole), 'base64'));
    this.quartet = data.slice(whole);
    return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
  }
}

/** Base64LineDecoder as a stream, for MailParser; reports damage once, at the end. */
export class Base64DecodeStream extends Transform {
  private readonly decoder = new Base64LineDecoder();

  constructor(private readonly onDamage: (skipped: number) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const out = this.decoder.write(chunk);
    done(null, out.length ? out : undefined);
  }

  override _flush(done: TransformCallback): void {
    const out = this.decoder.end();
    if (this.decoder.skipped) this.onDamage(this.decoder.skipped);
    done(null, out.length ? out : undefined);
  }
}
