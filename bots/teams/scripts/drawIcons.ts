/**
 * Draws the app icons Teams asks for: a 192×192 colour icon and a 32×32 outline icon (white on a
 * transparent background). Both show an envelope with a return arrow: mail that came back.
 * Run with `npm run icons:teams`; the PNGs are committed in bots/teams/appPackage/.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_PACKAGE_FOLDER } from './appPackage';
import { encodePng } from './png';

type Rgb = readonly [number, number, number];
/** Is the point (x, y), in units where the icon spans 0..1, inside the shape? */
type Shape = (x: number, y: number) => boolean;

const ACCENT: Rgb = [0x0f, 0x6c, 0xbd];
const WHITE: Rgb = [0xff, 0xff, 0xff];
/** Samples per pixel side: 4×4 samples give smooth edges without a rasteriser. */
const SUPERSAMPLE = 4;

function distanceToSegment(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

const stroke =
  (width: number, ...segments: [number, number, number, number][]): Shape =>
  (x, y) =>
    segments.some(([ax, ay, bx, by]) => distanceToSegment(x, y, ax, ay, bx, by) <= width / 2);

function roundedSquare(inset: number, radius: number): Shape {
  return (x, y) => {
    const cx = Math.max(inset + radius, Math.min(1 - inset - radius, x));
    const cy = Math.max(inset + radius, Math.min(1 - inset - radius, y));
    return Math.hypot(x - cx, y - cy) <= radius;
  };
}

/** The envelope's outline and flap, and a return arrow above its right corner. */
function envelope(width: number): Shape {
  const [l, r, t, b] = [0.2, 0.8, 0.34, 0.76];
  return stroke(
    width,
    [l, t, r, t],
    [r, t, r, b],
    [r, b, l, b],
    [l, b, l, t],
    [l, t, 0.5, 0.57],
    [0.5, 0.57, r, t],
  );
}

function returnArrow(width: number): Shape {
  return stroke(width, [0.72, 0.2, 0.5, 0.2], [0.5, 0.2, 0.57, 0.13], [0.5, 0.2, 0.57, 0.27]);
}

/** Paints layers back to front; each layer covers what is below it where its shape is. */
function render(size: number, layers: readonly { shape: Shape; color: Rgb }[]): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          const top = [...layers].reverse().find((layer) => layer.shape(x, y));
          if (!top) continue;
          r += top.color[0];
          g += top.color[1];
          b += top.color[2];
          a += 1;
        }
      }
      const offset = (py * size + px) * 4;
      if (a === 0) continue;
      // Colour averaged over the covered samples only (straight alpha), coverage as alpha.
      pixels[offset] = Math.round(r / a);
      pixels[offset + 1] = Math.round(g / a);
      pixels[offset + 2] = Math.round(b / a);
      pixels[offset + 3] = Math.round((255 * a) / SUPERSAMPLE ** 2);
    }
  }
  return pixels;
}

export function colorIcon(): Buffer {
  const size = 192;
  const mark = (x: number, y: number) => envelope(0.045)(x, y) || returnArrow(0.045)(x, y);
  return encodePng(
    size,
    size,
    render(size, [
      { shape: roundedSquare(0, 0.18), color: ACCENT },
      { shape: mark, color: WHITE },
    ]),
  );
}

export function outlineIcon(): Buffer {
  const size = 32;
  // Thicker strokes at 32 px so that the lines stay at least two pixels wide.
  const mark = (x: number, y: number) => envelope(0.075)(x, y) || returnArrow(0.075)(x, y);
  return encodePng(size, size, render(size, [{ shape: mark, color: WHITE }]));
}

if (require.main === module) {
  writeFileSync(join(APP_PACKAGE_FOLDER, 'color.png'), colorIcon());
  writeFileSync(join(APP_PACKAGE_FOLDER, 'outline.png'), outlineIcon());
  process.stdout.write(`icons written to ${APP_PACKAGE_FOLDER}\n`);
}
