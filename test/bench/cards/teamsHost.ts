/**
 * Teams as the measurement's host: the host config of Teams' desktop client (light and dark), its
 * button and text styles, and the markdown Teams applies to TextBlocks, around Microsoft's Adaptive
 * Cards renderer. Segoe UI, Teams' font, isn't on Linux; Liberation Sans has Arial's metrics, within
 * a few per cent of Segoe UI's widths. DejaVu Sans, about 12% wider, shows how much room is left.
 */

export type Theme = 'light' | 'dark';

/** Teams' desktop card width. */
export const CARD_WIDTH = 480;

export type Font = 'segoe' | 'wide';

const FONTS: Record<Font, string> = {
  segoe: "'Segoe UI', 'Liberation Sans', 'Noto Sans CJK SC', sans-serif",
  wide: "'DejaVu Sans', 'Noto Sans CJK SC', sans-serif",
};
const MONOSPACE = "'Courier New', 'Liberation Mono', monospace";

interface Palette {
  page: string;
  card: string;
  emphasis: string;
  text: string;
  subtle: string;
  accent: string;
  buttonBorder: string;
  buttonText: string;
}

const PALETTES: Record<Theme, Palette> = {
  light: {
    page: '#f5f5f5',
    card: '#ffffff',
    emphasis: '#f9f8f7',
    text: '#252424',
    subtle: '#bf252424',
    accent: '#6264a7',
    buttonBorder: '#d1d1d1',
    buttonText: '#242424',
  },
  dark: {
    page: '#1f1f1f',
    card: '#2d2c2c',
    emphasis: '#292828',
    text: '#ffffff',
    subtle: '#bfffffff',
    accent: '#a6a7dc',
    buttonBorder: '#5c5c5c',
    buttonText: '#ffffff',
  },
};

const colors = (palette: Palette) => ({
  default: { default: palette.text, subtle: palette.subtle },
  accent: { default: palette.accent, subtle: palette.accent },
});

/** Teams' host config: its spacing, sizes, weights, line heights, colours and actions. */
export function teamsHostConfig(theme: Theme, font: Font): Record<string, unknown> {
  const palette = PALETTES[theme];
  const FONT = FONTS[font];
  const sizes = { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 };
  const weights = { lighter: 200, default: 400, bolder: 600 };
  return {
    supportsInteractivity: true,
    spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: '#EEEEEE' },
    fontTypes: {
      default: { fontFamily: FONT, fontSizes: sizes, fontWeights: weights },
      monospace: { fontFamily: MONOSPACE, fontSizes: sizes, fontWeights: weights },
    },
    // Teams sets text in Fluent's line heights.
    lineHeights: { small: 16, default: 20, medium: 20, large: 24, extraLarge: 32 },
    containerStyles: {
      default: { backgroundColor: palette.card, foregroundColors: colors(palette) },
      emphasis: { backgroundColor: palette.emphasis, foregroundColors: colors(palette) },
    },
    actions: {
      maxActions: 6,
      spacing: 'Default',
      buttonSpacing: 8,
      showCard: { actionMode: 'Inline', inlineTopMargin: 16, style: 'emphasis' },
      preExpandSingleShowCardAction: false,
      actionsOrientation: 'Horizontal',
      actionAlignment: 'Left',
    },
    adaptiveCard: { allowCustomStyle: false },
  };
}

/** The page around the card: Teams' buttons (32 px, semibold, titles that never wrap) and text. */
export function teamsPage(theme: Theme, font: Font): string {
  const palette = PALETTES[theme];
  const FONT = FONTS[font];
  return `<!doctype html><html><head><meta charset="utf-8"><style>
  body { margin: 0; padding: 16px; background: ${palette.page}; font-family: ${FONT}; }
  #card { width: ${CARD_WIDTH}px; border-radius: 4px; overflow: hidden; background: ${palette.card};
    box-shadow: 0 1px 2px rgba(0,0,0,.14), 0 0 2px rgba(0,0,0,.12); }
  .ac-pushButton { min-height: 32px; padding: 0 12px; border: 1px solid ${palette.buttonBorder}; border-radius: 4px;
    background: transparent; color: ${palette.buttonText}; font: 600 14px/20px ${FONT}; }
  .ac-pushButton.expanded { background: ${palette.emphasis}; color: ${palette.buttonText}; border-color: ${palette.accent}; }
  .ac-textBlock p { margin: 0; }
  .ac-textBlock ul, .ac-textBlock ol { margin: 0; padding-left: 20px; box-sizing: border-box; width: 100%; }
  .ac-textBlock a { color: ${palette.accent}; }
  .ac-input { font: 14px ${FONT}; min-height: 32px; }
</style></head><body><div id="card"></div></body></html>`;
}

/**
 * Runs in the page after the renderer's bundle: Teams' TextBlock markdown (bold, "- " and "1. "
 * lists, numbered from the first item's number, links), then the hooks the measurement reads.
 */
export const MARKDOWN_SCRIPT = `
  const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  const inline = (s) => escape(s)
    .replace(/\\*\\*(.+?)\\*\\*/g, '<strong>$1</strong>')
    .replace(/\\[([^\\]]+)\\]\\((https:[^)\\s]+)\\)/g, '<a href="$2">$1</a>');
  function markdown(text) {
    const lines = text.split(/\\r\\n|\\r|\\n/);
    const bullet = /^- /, numbered = /^(\\d+)\\. /;
    if (lines.every((l) => bullet.test(l))) return '<ul>' + lines.map((l) => '<li>' + inline(l.slice(2)) + '</li>').join('') + '</ul>';
    if (lines.every((l) => numbered.test(l))) {
      const start = Number(numbered.exec(lines[0])[1]);
      return '<ol start="' + start + '">' + lines.map((l) => '<li>' + inline(l.replace(numbered, '')) + '</li>').join('') + '</ol>';
    }
    return '<p>' + lines.map(inline).join('<br>') + '</p>';
  }
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => { result.outputHtml = markdown(text); result.didProcess = true; };
`;
