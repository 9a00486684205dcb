/**
 * Renders an answer card to PNG with Microsoft's Adaptive Cards renderer in headless Chromium, to
 * see a card as a person would: `npm run screenshot:teams [-- "question" out.png]`, or any card
 * printed by `mailflow … --format teams` and saved: `npm run screenshot:teams -- card.json out.png`.
 * Not part of `npm test`: it needs Chromium (`apt-get install chromium`). The page is built from
 * local files only and every network request is refused.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { renderAdaptiveCard } from '../../bots/teams/cards/answerCard';
import { ask } from '../../core';

const ROOT = join(__dirname, '..', '..', '..');
const CHROMIUM = '/usr/bin/chromium';

/** Close to Teams' light theme: its font, spacing and accent colour. */
const HOST_CONFIG = {
  fontFamily: "'Segoe UI', 'Helvetica Neue', 'DejaVu Sans', sans-serif",
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        accent: { default: '#5B5FC7' },
      },
    },
  },
  actions: {
    maxActions: 6,
    buttonSpacing: 8,
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
    showCard: { actionMode: 'inline', inlineTopMargin: 12 },
  },
};

/** The page around the card, in Teams' light colours. */
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><style>
  body { margin: 0; padding: 16px; background: #f5f5f5; font-family: ${HOST_CONFIG.fontFamily}; }
  #card { width: 560px; border-radius: 8px; overflow: hidden; box-shadow: 0 1px 4px rgba(0,0,0,.15); background: #fff; }
  .ac-pushButton { border: 1px solid #d1d1d1; border-radius: 4px; background: #fff; padding: 6px 12px;
    font: 600 14px ${HOST_CONFIG.fontFamily}; color: #242424; }
  .ac-textBlock p { margin: 0; }
  .ac-textBlock ul, .ac-textBlock ol { margin: 0; padding-left: 20px; box-sizing: border-box; width: 100%; }
  /* Teams wraps a row of buttons that does not fit; the bare renderer lets it overflow. */
  .ac-actionSet { flex-wrap: wrap !important; row-gap: 8px; }
</style></head><body><div id="card"></div></body></html>`;

/**
 * Runs in the page after the renderer's bundle: a small markdown step (Teams renders **bold** and
 * "- " / "1. " lists in TextBlocks; the bare renderer leaves markdown to the host), then the card.
 */
const renderScript = (card: unknown): string => `
  const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  const inline = (s) => escape(s).replace(/\\*\\*(.+?)\\*\\*/g, '<strong>$1</strong>');
  function markdown(text) {
    const lines = text.split(/\\r\\n|\\r|\\n/);
    const bullet = /^- /, numbered = /^\\d+\\. /;
    if (lines.every((l) => bullet.test(l))) return '<ul>' + lines.map((l) => '<li>' + inline(l.slice(2)) + '</li>').join('') + '</ul>';
    if (lines.every((l) => numbered.test(l))) return '<ol>' + lines.map((l) => '<li>' + inline(l.replace(numbered, '')) + '</li>').join('') + '</ol>';
    return '<p>' + lines.map(inline).join('<br>') + '</p>';
  }
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => { result.outputHtml = markdown(text); result.didProcess = true; };
  const card = new AdaptiveCards.AdaptiveCard();
  card.hostConfig = new AdaptiveCards.HostConfig(${JSON.stringify(HOST_CONFIG)});
  card.parse(${JSON.stringify(card)});
  document.getElementById('card').appendChild(card.render());
`;

async function main(question: string, output: string): Promise<void> {
  const card: unknown = question.endsWith('.json')
    ? JSON.parse(readFileSync(question, 'utf8'))
    : renderAdaptiveCard(ask(question).answer);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const context = await browser.newContext({ deviceScaleFactor: 1, viewport: { width: 620, height: 800 } });
    await context.route('**/*', (route) => route.abort());
    const tab = await context.newPage();
    await tab.setContent(PAGE);
    await tab.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.js') });
    await tab.addScriptTag({ content: renderScript(card) });
    if (!(await tab.$('#card .ac-adaptiveCard'))) throw new Error('the card did not render');
    writeFileSync(output, await tab.locator('#card').screenshot());
    process.stdout.write(`${output}\n`);
  } finally {
    await browser.close();
  }
}

const [
  question = '¿qué significa 4.4.316?',
  output = join(ROOT, 'bots', 'teams', 'docs', 'card-es-4.4.316.png'),
] = process.argv.slice(2);
main(question, output).catch((error: unknown) => {
  process.stderr.write(`screenshot: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
