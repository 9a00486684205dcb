/**
 * `npm run cards:measure`: the first screen of every answer card, measured as Teams and Slack show
 * it. Each code × language × (question, paste) is rendered by Microsoft's Adaptive Cards renderer
 * with Teams' host config at Teams' card width in headless Chromium; the script prints each card's
 * height, where its first step ends, button titles cut off and renderer warnings, the Slack first
 * message's characters and blocks, and whether every figure is within its limit (exit status 1 if
 * not). `-- --screenshots` also draws the README's pictures; `-- --wide-font` sets the text in a font
 * about 12% wider than Segoe UI, to see the room left. Outside `npm test`: it needs Chromium
 * (`apt-get install chromium fonts-noto-cjk`). The page is built from local files only and every
 * network request is refused.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { renderSlashCommandBlocks } from '../../../bots/slack/blocks/messages';
import { renderAdaptiveCard } from '../../../bots/teams/cards/answerCard';
import { type CardCase, cardCases } from '../../support/cardCases';
import { SLACK_FIRST_MESSAGE, slackFigures } from '../../support/slackFigures';
import { type PageFigures, renderAndMeasure } from './measureInPage';
import { CARD_WIDTH, type Font, MARKDOWN_SCRIPT, type Theme, teamsHostConfig, teamsPage } from './teamsHost';

const ROOT = join(__dirname, '..', '..', '..', '..');
const CHROMIUM = '/usr/bin/chromium';

/** The first screen's limits at Teams' card width (issue 11). */
const TEAMS_FIRST_SCREEN = { maxHeight: 600, maxFirstStepBottom: 450 } as const;

const FONT: Font = process.argv.includes('--wide-font') ? 'wide' : 'segoe';

interface Row extends PageFigures {
  case: CardCase;
  slack: { blocks: number; visibleCharacters: number };
}

async function openPage(browser: Browser, theme: Theme): Promise<Page> {
  const context = await browser.newContext({
    deviceScaleFactor: 2,
    viewport: { width: CARD_WIDTH + 32, height: 2000 },
    colorScheme: theme,
  });
  await context.route('**/*', (route) => route.abort());
  const page = await context.newPage();
  await page.setContent(teamsPage(theme, FONT));
  await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.js') });
  await page.addScriptTag({ content: MARKDOWN_SCRIPT });
  return page;
}

async function measure(page: Page, cardCase: CardCase): Promise<Row> {
  const figures = await page.evaluate(renderAndMeasure, {
    card: renderAdaptiveCard(cardCase.answer),
    hostConfig: teamsHostConfig('light', FONT),
  });
  return { ...figures, case: cardCase, slack: slackFigures(renderSlashCommandBlocks(cardCase.answer)) };
}

const pad = (value: string | number, width: number) => String(value).padStart(width);

function printRows(title: string, rows: readonly Row[]): void {
  process.stdout.write(`\n${title}\n`);
  process.stdout.write(
    'code     lang   kind      height  first step  truncated  warnings  folds        slack chars  blocks\n',
  );
  for (const row of rows) {
    const folds = row.folds.map((fold) => (fold.toggled ? '✓' : '✗')).join('');
    process.stdout.write(
      `${row.case.code}  ${row.case.locale.padEnd(5)}  ${row.case.kind.padEnd(8)}  ${pad(row.height, 6)}  ${pad(row.firstStepBottom ?? '-', 10)}  ${pad(row.truncated.length, 9)}  ${pad(row.warnings.length, 8)}  ${folds.padEnd(11)}  ${pad(row.slack.visibleCharacters, 11)}  ${pad(row.slack.blocks, 6)}\n`,
    );
    for (const title of row.truncated) process.stdout.write(`    cut off: "${title}"\n`);
    for (const warning of row.warnings) process.stdout.write(`    warning: ${warning}\n`);
  }
}

const max = (values: readonly number[]) => Math.max(...values);

/** The summary, and whether every figure is within its limit. */
function summarize(rows: readonly Row[]): boolean {
  const checks: [string, number, number][] = [
    ['Teams: max height (px)', max(rows.map((r) => r.height)), TEAMS_FIRST_SCREEN.maxHeight],
    [
      'Teams: max first-step bottom (px)',
      max(rows.map((r) => r.firstStepBottom ?? 0)),
      TEAMS_FIRST_SCREEN.maxFirstStepBottom,
    ],
    ['Teams: button titles or text cut off', rows.reduce((n, r) => n + r.truncated.length, 0), 0],
    ['Teams: renderer warnings', rows.reduce((n, r) => n + r.warnings.length, 0), 0],
    [
      'Teams: fold buttons that did nothing',
      rows.reduce((n, r) => n + r.folds.filter((f) => !f.toggled).length, 0),
      0,
    ],
    [
      'Slack: max visible characters',
      max(rows.map((r) => r.slack.visibleCharacters)),
      SLACK_FIRST_MESSAGE.maxVisibleCharacters,
    ],
    ['Slack: max blocks', max(rows.map((r) => r.slack.blocks)), SLACK_FIRST_MESSAGE.maxBlocks],
  ];
  const font = FONT === 'wide' ? 'a font 12% wider than Segoe UI' : "Segoe UI's metrics";
  process.stdout.write(
    `\n${rows.length} cards (${CARD_WIDTH} px wide, Teams host config, ${font}, first state)\n`,
  );
  let within = true;
  for (const [name, value, limit] of checks) {
    const ok = value <= limit;
    within &&= ok;
    process.stdout.write(
      `${name.padEnd(40)} ${pad(value, 6)}   limit ${pad(limit, 5)}   ${ok ? 'ok' : 'OVER'}\n`,
    );
  }
  return within;
}

/** The README's pictures: one answer in two languages, in Teams' light and dark themes. */
async function screenshots(browser: Browser): Promise<void> {
  const pictures = cardCases(['paste', 'fix']).filter(
    (c) =>
      c.code === '4.4.316' &&
      ((c.locale === 'en' && c.kind === 'paste') || (c.locale === 'es' && c.kind === 'fix')),
  );
  for (const theme of ['light', 'dark'] as const) {
    const page = await openPage(browser, theme);
    for (const picture of pictures) {
      await page.evaluate(renderAndMeasure, {
        card: renderAdaptiveCard(picture.answer),
        hostConfig: teamsHostConfig(theme, FONT),
      });
      const file = join(ROOT, 'bots', 'teams', 'docs', `card-${picture.locale}-${picture.code}-${theme}.png`);
      writeFileSync(file, await page.locator('#card').screenshot());
      process.stdout.write(`${file}\n`);
    }
    await page.context().close();
  }
}

async function main(): Promise<void> {
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
    const page = await openPage(browser, 'light');
    const rows: Row[] = [];
    for (const cardCase of cardCases()) rows.push(await measure(page, cardCase));
    // "How do I fix …" opens the steps: shown for reference, not held to the first screen's limits.
    const fixRows: Row[] = [];
    for (const cardCase of cardCases(['fix'])) fixRows.push(await measure(page, cardCase));
    printRows('Questions and pastes', rows);
    printRows('"How do I fix …" (steps open; for reference)', fixRows);
    const within = summarize(rows);
    process.stdout.write(
      `For reference, "how do I fix": Teams max height ${max(fixRows.map((r) => r.height))} px, max first-step bottom ${max(fixRows.map((r) => r.firstStepBottom ?? 0))} px; Slack max ${max(fixRows.map((r) => r.slack.visibleCharacters))} characters, ${max(fixRows.map((r) => r.slack.blocks))} blocks\n`,
    );
    if (process.argv.includes('--screenshots')) await screenshots(browser);
    if (!within) process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`cards:measure: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
