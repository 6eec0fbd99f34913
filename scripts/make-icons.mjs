// Draws Wren's icon (a white "W" on a blue rounded square) and writes every
// file packaging needs into build/: icon.png (512), icons/NxN.png (Linux),
// icon.ico (Windows, PNG entries), icon.icns (macOS, PNG entries), tray.png.
// Plain Node (zlib for PNG's deflate): no image tools needed. Run: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function segmentDistance(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Coverage-based drawing (4x4 samples per pixel) so small sizes stay smooth. */
function draw(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const W = [[0.22, 0.3], [0.36, 0.72], [0.5, 0.42], [0.64, 0.72], [0.78, 0.3]];
  const stroke = 0.075, radius = 0.22;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let inside = 0, letter = 0;
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          const u = (x + (sx + 0.5) / 4) / size, v = (y + (sy + 0.5) / 4) / size;
          const cx = Math.min(Math.max(u, radius), 1 - radius), cy = Math.min(Math.max(v, radius), 1 - radius);
          if (Math.hypot(u - cx, v - cy) > radius) continue;
          inside++;
          if (W.slice(1).some((p, i) => segmentDistance(u, v, W[i], p) < stroke / 2)) letter++;
        }
      }
      const i = (y * size + x) * 4;
      const t = y / size; // a vertical gradient, lighter at the top
      const blue = [Math.round(72 - 30 * t), Math.round(130 - 40 * t), Math.round(240 - 25 * t)];
      const mix = letter / Math.max(inside, 1);
      rgba[i] = Math.round(blue[0] + (255 - blue[0]) * mix);
      rgba[i + 1] = Math.round(blue[1] + (255 - blue[1]) * mix);
      rgba[i + 2] = Math.round(blue[2] + (255 - blue[2]) * mix);
      rgba[i + 3] = Math.round((255 * inside) / 16);
    }
  }
  return png(size, rgba);
}

function ico(entries) {
  const header = Buffer.alloc(6 + 16 * entries.length);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(entries.length, 4);
  let offset = header.length;
  entries.forEach(({ size, data }, n) => {
    const at = 6 + 16 * n;
    header[at] = size >= 256 ? 0 : size;
    header[at + 1] = size >= 256 ? 0 : size;
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(data.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...entries.map((e) => e.data)]);
}

function icns(entries) {
  const parts = entries.map(({ type, data }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + parts.reduce((n, p) => n + p.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const images = new Map(sizes.map((size) => [size, draw(size)]));
mkdirSync('build/icons', { recursive: true });
writeFileSync('build/icon.png', images.get(512));
for (const size of sizes.filter((s) => s <= 512)) writeFileSync(`build/icons/${size}x${size}.png`, images.get(size));
writeFileSync('build/icon.ico', ico([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, data: images.get(size) }))));
// ic07 128, ic08 256, ic09 512, ic10 1024 (512@2x), ic11 32 (16@2x), ic12 64 (32@2x): PNG payloads.
writeFileSync('build/icon.icns', icns([['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024], ['ic11', 32], ['ic12', 64]].map(([type, size]) => ({ type, data: images.get(size) }))));
writeFileSync('build/tray.png', images.get(32));
writeFileSync('build/tray@2x.png', images.get(64));
console.log('build/: icon.png, icon.ico, icon.icns, icons/*.png, tray.png');
