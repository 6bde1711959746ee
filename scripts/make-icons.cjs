#!/usr/bin/env node
// Draws the add-in icons (a bar chart on a council-blue tile) as PNG files in assets/.
// Written with zlib alone so that making icons needs no image package; run
// `node scripts/make-icons.cjs` after changing the drawing, and commit the PNGs.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { Buffer } = require('node:buffer');

const SIZES = [16, 32, 64, 80, 128];
const TILE = [0x1f, 0x4e, 0x79]; // council blue
const BAR = [0xff, 0xff, 0xff];
const ACCENT = [0xf2, 0xb7, 0x05]; // the tallest bar: this year's spend

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Colour (RGBA) of pixel (x, y) in an icon of `size` pixels. */
function pixel(size, x, y) {
  const radius = size * 0.18;
  const cx = Math.min(Math.max(x + 0.5, radius), size - radius);
  const cy = Math.min(Math.max(y + 0.5, radius), size - radius);
  const outside = Math.hypot(x + 0.5 - cx, y + 0.5 - cy) > radius;
  if (outside) return [0, 0, 0, 0];

  // Three bars on a baseline, rising left to right.
  const margin = size * 0.2;
  const baseline = size - margin;
  const width = (size - 2 * margin) / 5;
  const heights = [0.35, 0.6, 0.9].map((h) => h * (size - 2 * margin));
  for (let i = 0; i < 3; i += 1) {
    const left = margin + i * 2 * width;
    if (
      x + 0.5 >= left &&
      x + 0.5 < left + width &&
      y + 0.5 >= baseline - heights[i] &&
      y + 0.5 < baseline
    ) {
      return [...(i === 2 ? ACCENT : BAR), 255];
    }
  }
  return [...TILE, 255];
}

function png(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const rows = [];
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0 = none
    for (let x = 0; x < size; x += 1) Buffer.from(pixel(size, x, y)).copy(row, 1 + x * 4);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const assets = path.join(__dirname, '..', 'assets');
fs.mkdirSync(assets, { recursive: true });
for (const size of SIZES) {
  const file = path.join(assets, `icon-${size}.png`);
  fs.writeFileSync(file, png(size));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
