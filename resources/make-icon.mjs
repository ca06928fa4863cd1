// Draws resources/icon.png (512×512): a blue rounded square with an open ruled journal. No packages needed;
// run `node resources/make-icon.mjs` to redraw it after changing the shapes.
import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const size = 512;
const blue = [37, 84, 153];
const paper = [250, 250, 245];
const rule = [150, 178, 214];
const ribbon = [200, 45, 45];

function insideRoundedSquare(x, y, inset, radius) {
  const lo = inset + radius;
  const hi = size - inset - radius;
  const dx = Math.max(lo - x, 0, x - hi);
  const dy = Math.max(lo - y, 0, y - hi);
  return dx * dx + dy * dy <= radius * radius;
}

/** A bookmark ribbon hanging over the right page, with a notch cut into its end. */
function onRibbon(x, y) {
  if (x < 356 || x > 376 || y < 120 || y > 212) return false;
  return y <= 196 || Math.abs(x - 366) >= ((y - 196) * 10) / 16;
}

/** The colour at a point, or null where the icon is transparent. */
function colourAt(x, y) {
  if (!insideRoundedSquare(x, y, 16, 96)) return null;
  if (onRibbon(x, y)) return ribbon;
  const onPage = y >= 136 && y <= 380 && ((x >= 112 && x <= 250) || (x >= 262 && x <= 400));
  if (!onPage) return blue;
  const ruled = y >= 170 && y <= 360 && (y - 170) % 30 < 3 && (x <= 236 || x >= 276);
  return ruled ? rule : paper;
}

// 4×4 samples a pixel, so the round corners are smooth.
const rows = [];
for (let py = 0; py < size; py++) {
  const row = Buffer.alloc(1 + size * 4);
  for (let px = 0; px < size; px++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < 4; sy++) {
      for (let sx = 0; sx < 4; sx++) {
        const c = colourAt(px + (sx + 0.5) / 4, py + (sy + 0.5) / 4);
        if (!c) continue;
        sum[0] += c[0];
        sum[1] += c[1];
        sum[2] += c[2];
        sum[3] += 1;
      }
    }
    const o = 1 + px * 4;
    if (sum[3] > 0) {
      row[o] = Math.round(sum[0] / sum[3]);
      row[o + 1] = Math.round(sum[1] / sum[3]);
      row[o + 2] = Math.round(sum[2] / sum[3]);
      row[o + 3] = Math.round((255 * sum[3]) / 16);
    }
  }
  rows.push(row);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'icon.png');
fs.writeFileSync(out, png);
console.log(`${out}: ${png.length} bytes`);
