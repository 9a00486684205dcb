/**
 * `npm run icons:teams`: renders the app icons from their SVG sources in appPackage/icons/ to the PNG
 * files that the manifest names, with resvg. Teams asks for a 192×192 colour icon and a 32×32 outline
 * icon, white on a transparent background; each SVG is drawn at that size. The PNGs are committed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { APP_PACKAGE_FOLDER } from './appPackage';

export interface Icon {
  /** The SVG source, under the app package folder. */
  source: string;
  /** The PNG that the manifest names, under the app package folder. */
  file: string;
  /** Width and height in pixels, as Teams asks for them. */
  size: number;
}

export const ICONS: readonly Icon[] = [
  { source: 'icons/color.svg', file: 'color.png', size: 192 },
  { source: 'icons/outline.svg', file: 'outline.png', size: 32 },
];

/** The icon's SVG drawn as a PNG of its size (anti-aliased, straight alpha). */
export function renderIcon(icon: Icon, folder = APP_PACKAGE_FOLDER): Buffer {
  const svg = readFileSync(join(folder, icon.source), 'utf8');
  // The icons hold no text: no system fonts to load, and the same pixels on every machine.
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: icon.size },
    font: { loadSystemFonts: false },
  });
  return resvg.render().asPng();
}

if (require.main === module) {
  for (const icon of ICONS) writeFileSync(join(APP_PACKAGE_FOLDER, icon.file), renderIcon(icon));
  process.stdout.write(`icons written to ${APP_PACKAGE_FOLDER}\n`);
}
