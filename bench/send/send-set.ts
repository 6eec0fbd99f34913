// The bench's messages: mixed sizes from a seeded PRNG (mostly short text, some HTML, some with
// attachments up to 2 MB), as the composer would hand them over, with their attachment files on disk.
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export interface BenchMessage {
  subject: string;
  text: string;
  html: string | null;
  attachments: { path: string; filename: string; contentType: string; size: number }[];
}

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const WORDS = ['mail', 'report', '季度', 'meeting', '会議', 'budget', 'draft', 'résumé', 'schedule', 'update', 'the', 'and', 'for'];

export function makeSendSet(count: number, dir: string, seed = 1): BenchMessage[] {
  const random = prng(seed);
  const words = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
  const file = (size: number, name: string) => {
    const target = path.join(dir, name);
    const bytes = Buffer.alloc(size);
    for (let i = 0; i < size; i += 1) bytes[i] = Math.floor(random() * 256);
    writeFileSync(target, bytes);
    return { path: target, filename: name, contentType: 'application/octet-stream', size };
  };
  // A few shared attachment files, as a user attaches the same kinds of files again and again.
  const medium = file(200 * 1024, 'medium.bin');
  const large = file(2 * 1024 * 1024, 'large.bin');
  return Array.from({ length: count }, (_, i) => {
    const roll = random();
    const text = Array.from({ length: 5 + Math.floor(random() * 40) }, () => words(12)).join('\n');
    if (roll < 0.7) return { subject: `Bench ${i} ${words(4)}`, text, html: null, attachments: [] };
    if (roll < 0.9) return { subject: `Bench ${i} html`, text: '', html: `<p>${text.replace(/\n/g, '</p><p>')}</p>`.repeat(10), attachments: [] };
    if (roll < 0.99) return { subject: `Bench ${i} attached`, text, html: null, attachments: [medium] };
    return { subject: `Bench ${i} large`, text, html: null, attachments: [large] };
  });
}
