import { Transform, type TransformCallback } from 'node:stream';
import type { IconvConstructor } from 'mailparser';
import { decodeText } from './decode-part';
import { warningAt } from '../errors/warning-codes';

/**
 * MailParser decodes body charsets with whatever it is given as `Iconv`,
 * calling `new Iconv(charset, 'UTF-8')` with the part's charset label. The
 * tap (mailparser-tap.ts) rewrites every label to carry the part number too,
 * so the warnings can say which part they are about, and so that unlabelled
 * and us-ascii parts, which MailParser would otherwise read as UTF-8 itself,
 * reach decodeText and its heuristics as well.
 */
const LABEL = /^x-wren;part=([^;]*);charset=(.*)$/s;

export function taggedCharset(part: string, charset: string | null): string {
  return `x-wren;part=${part};charset=${charset ?? ''}`;
}

function readTag(label: string): { part: string; charset: string | null } {
  const match = LABEL.exec(label);
  if (!match) return { part: 'body', charset: label };
  return { part: match[1] ?? 'body', charset: match[2] || null };
}

/**
 * An `Iconv` for MailParser that runs decodeText on the whole part. Text
 * parts are buffered either way (MailParser keeps the text in memory), and
 * only a whole part lets ISO-2022-JP state and the UTF-8 validity check work.
 */
export function textDecoderFor(warn: (warning: string) => void): IconvConstructor {
  return class BufferedTextDecoder extends Transform {
    private readonly chunks: Buffer[] = [];
    private readonly tag: { part: string; charset: string | null };

    constructor(label: string) {
      super();
      this.tag = readTag(label);
    }

    override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
      this.chunks.push(chunk);
      done();
    }

    override _flush(done: TransformCallback): void {
      const decoded = decodeText(Buffer.concat(this.chunks), this.tag.charset);
      for (const warning of decoded.warnings) warn(warningAt({ part: this.tag.part }, warning));
      done(null, Buffer.from(decoded.text, 'utf8'));
    }
  };
}
