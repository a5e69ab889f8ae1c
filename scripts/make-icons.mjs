// Draws the app icon without an image library: a green rounded square with a white ring and a dot
// on it (a round of visits), anti-aliased by supersampling, encoded as PNG with node's zlib, then
// wrapped as .ico (Windows) and .icns (macOS), both of which may embed PNG data.
// Run: node scripts/make-icons.mjs  (writes build/icons/icon.png, icon.ico, icon.icns)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ROOT } from './electron-runtime.mjs';

const GREEN = [56, 158, 13];
const WHITE = [255, 255, 255];
const SAMPLES = 4;

/** Coverage of each shape at a point in unit coordinates (0..1). */
function insideRoundedSquare(x, y) {
  const margin = 0.06;
  const radius = 0.2;
  const cx = Math.min(Math.max(x, margin + radius), 1 - margin - radius);
  const cy = Math.min(Math.max(y, margin + radius), 1 - margin - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2 && x >= margin && x <= 1 - margin && y >= margin && y <= 1 - margin;
}

function insideMark(x, y) {
  const distance = Math.hypot(x - 0.5, y - 0.5);
  const ring = distance >= 0.2 && distance <= 0.27;
  const dot = Math.hypot(x - (0.5 + 0.235 * Math.cos(-Math.PI / 4)), y - (0.5 + 0.235 * Math.sin(-Math.PI / 4))) <= 0.085;
  return ring || dot;
}

function renderPixels(size) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let background = 0;
      let mark = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (!insideRoundedSquare(x, y)) continue;
          if (insideMark(x, y)) mark++;
          else background++;
        }
      }
      const covered = background + mark;
      const offset = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) rgba[offset + c] = covered ? Math.round((GREEN[c] * background + WHITE[c] * mark) / covered) : 0;
      rgba[offset + 3] = Math.round((covered / SAMPLES ** 2) * 255);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function encodePng(size) {
  const rgba = renderPixels(size);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4); // filter 0 per row
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An .ico with one 256×256 PNG entry (size 0 means 256 in the directory). */
function encodeIco(png256) {
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(1, 4); // one image
  header.set([0, 0, 0, 0], 6); // width, height (256), palette, reserved
  header.writeUInt16LE(1, 10); // planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png256.length, 14);
  header.writeUInt32LE(header.length, 18);
  return Buffer.concat([header, png256]);
}

/** An .icns with PNG entries: ic08 256×256, ic09 512×512. */
function encodeIcns(entries) {
  const blocks = entries.map(([type, png]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + blocks.reduce((sum, b) => sum + b.length, 0), 4);
  return Buffer.concat([head, ...blocks]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(ROOT, 'scripts', 'make-icons.mjs')) {
  const dir = path.join(ROOT, 'build', 'icons');
  fs.mkdirSync(dir, { recursive: true });
  const png512 = encodePng(512);
  const png256 = encodePng(256);
  fs.writeFileSync(path.join(dir, 'icon.png'), png512);
  fs.writeFileSync(path.join(dir, 'icon.ico'), encodeIco(png256));
  fs.writeFileSync(path.join(dir, 'icon.icns'), encodeIcns([['ic08', png256], ['ic09', png512]]));
  console.log(`icons written to ${path.relative(ROOT, dir)}`);
}
