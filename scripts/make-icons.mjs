// Writes the extension icons public/icons/icon-{16,48,128}.png: a dark rounded square with three bars in the
// colours people know from JWT debuggers (header, payload, signature). Run `node scripts/make-icons.mjs` after
// changing the drawing; the PNGs are committed so the build needs no image tooling.
import { mkdirSync, writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

const SIZES = [16, 48, 128];
/** Samples per pixel side; 4x4 supersampling gives smooth edges without an image library. */
const SUPERSAMPLE = 4;

const BACKGROUND = [0x1e, 0x22, 0x30];
const BARS = [
  { y: 0.3, rgb: [0xfb, 0x01, 0x5b] },
  { y: 0.5, rgb: [0xd6, 0x3a, 0xff] },
  { y: 0.7, rgb: [0x00, 0xb9, 0xf1] },
];

/** Is (x, y), both in 0..1, inside the rounded square of corner radius r? */
function inRoundedSquare(x, y, r) {
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  return dx * dx + dy * dy <= r * r;
}

/** Is (x, y) inside a horizontal bar with round caps centred on row cy? */
function inBar(x, y, cy) {
  const half = 0.07;
  const left = 0.22 + half;
  const right = 0.78 - half;
  const nx = Math.min(Math.max(x, left), right);
  return (x - nx) ** 2 + (y - cy) ** 2 <= half * half;
}

/** The straight RGBA colour of one sample point. */
function sample(x, y) {
  if (!inRoundedSquare(x, y, 0.2)) return [0, 0, 0, 0];
  const bar = BARS.find((b) => inBar(x, y, b.y));
  return [...(bar ? bar.rgb : BACKGROUND), 255];
}

/** RGBA rows of an icon, each prefixed with PNG filter type 0. */
function pixels(size) {
  const rows = Buffer.alloc(size * (size * 4 + 1));
  let o = 0;
  for (let py = 0; py < size; py++) {
    rows[o++] = 0;
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const [r, g, b, a] = sample((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size);
          // Premultiply while averaging so transparent samples do not darken the edge colour.
          sum[0] += r * a; sum[1] += g * a; sum[2] += b * a; sum[3] += a;
        }
      }
      const alpha = sum[3] / (SUPERSAMPLE * SUPERSAMPLE);
      for (let c = 0; c < 3; c++) rows[o++] = sum[3] === 0 ? 0 : Math.round(sum[c] / sum[3]);
      rows[o++] = Math.round(alpha);
    }
  }
  return rows;
}

/** One PNG chunk: length, type, data, CRC over type and data. */
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A complete 8-bit RGBA PNG file. */
function png(size) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(pixels(size), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = new URL('../public/icons/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const size of SIZES) writeFileSync(new URL(`icon-${size}.png`, dir), png(size));
