// A small PNG encoder and the app icon, drawn in code (no image tools needed at build time).
// The icon is the header's mark: a white tick on a disc of the clinic's brand colour.
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Encodes RGBA pixels (Uint8Array of width*height*4) as a PNG file. */
export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function parseHex(hex) {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

// The tick of web/img/icon.svg (viewBox 0 0 32 32): M9 17l5 5 9-11, stroke width 3, round caps.
const TICK = [[9, 17], [14, 22], [23, 11]];

/**
 * The icon as PNG bytes. maskable: the brand colour fills the square and the tick sits inside the
 * safe zone (the central 80% circle), as maskable icons need; otherwise a disc on transparency.
 */
export function iconPng(size, { background, foreground = '#ffffff', maskable = false }) {
  const bg = parseHex(background);
  const fg = parseHex(foreground);
  const rgba = new Uint8Array(size * size * 4);
  const samples = 4; // 4x4 supersampling for smooth edges
  const tickScale = maskable ? 0.62 : 1; // keep the tick well inside the safe zone
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      let cover = 0;
      let tick = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          // the sample point in the 32-unit space of the SVG
          const u = ((x + (sx + 0.5) / samples) / size) * 32;
          const v = ((y + (sy + 0.5) / samples) / size) * 32;
          const inside = maskable || Math.hypot(u - 16, v - 16) <= 15.5;
          if (!inside) continue;
          cover += 1;
          const tu = 16 + (u - 16) / tickScale;
          const tv = 16 + (v - 16) / tickScale;
          const d = Math.min(distanceToSegment(tu, tv, TICK[0], TICK[1]), distanceToSegment(tu, tv, TICK[1], TICK[2]));
          if (d <= 1.6) tick += 1;
        }
      }
      const n = samples * samples;
      const i = (y * size + x) * 4;
      const a = cover / n;
      const f = cover ? tick / cover : 0;
      for (let c = 0; c < 3; c += 1) rgba[i + c] = Math.round(bg[c] * (1 - f) + fg[c] * f);
      rgba[i + 3] = Math.round(a * 255);
    }
  }
  return encodePng(size, size, rgba);
}
