/**
 * The check's verdict and card: every ending gets CONTRACT.md's code, and every card, in every
 * language and every format, is whole, within the channels' limits and safe with the server's words.
 */
import { renderCheckBlocks } from '../../bots/slack/blocks/checkBlocks';
import { SLACK_LIMITS } from '../../bots/slack/blocks/limits';
import { renderCheckCard } from '../../bots/teams/cards/checkCard';
import {
  buildCheckCard,
  checkProgressText,
  checkRefusalText,
  checkVerdict,
  LOCALES,
  renderCheckText,
} from '../../core';
import { cardIssues } from '../support/adaptiveCards';
import { HOSTILE_GREETING, SAMPLE_RESULTS } from './support/sampleResults';

describe.each(SAMPLE_RESULTS)('$name', ({ code, result }) => {
  test(`is ${code ?? 'a pass'}`, () => {
    expect(checkVerdict(result)).toBe(code);
  });

  test.each([...LOCALES])('%s: the card is whole in every format', (locale) => {
    const card = buildCheckCard(result, locale);
    expect(card.code).toBe(code);
    expect(card.steps.map((step) => step.step)).toEqual(result.steps.map((step) => step.step));
    const texts = [
      card.title,
      card.summary,
      ...card.notes,
      ...card.steps.flatMap((s) => [s.label, s.detail]),
    ];
    for (const text of texts) {
      expect(text.trim()).not.toBe('');
      expect(text).not.toContain('{{');
    }
    if (code) expect(card.title).toContain(code);
    expect(card.links).toHaveLength(1);

    const plain = renderCheckText(card);
    expect(plain.split('\n').filter((line) => /^[✓✗] /.test(line))).toHaveLength(result.steps.length);

    expect(cardIssues(renderCheckCard(card))).toEqual([]);

    const blocks = renderCheckBlocks(card);
    expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    expect((blocks[0]?.text as { text: string }).text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
  });
});

test('a clean result says so, that the bot connected from its own network, and links the IP ranges', () => {
  const [passed] = SAMPLE_RESULTS;
  const card = buildCheckCard(passed?.result ?? HOSTILE_GREETING, 'en');
  expect(card.title).toBe('mail.contoso.com: no problem found');
  expect(card.notes.join(' ')).toContain("not from Microsoft 365's");
  expect(card.links[0]?.url).toBe(
    'https://learn.microsoft.com/en-us/microsoft-365/enterprise/urls-and-ip-address-ranges',
  );
});

test('a failed result links the answer for its code, in the card’s language', () => {
  const refused = SAMPLE_RESULTS.find((sample) => sample.name === 'connection refused');
  const card = buildCheckCard(refused?.result ?? HOSTILE_GREETING, 'pl');
  expect(card.title).toBe('mail.contoso.com: 4.4.316 Połączenie odrzucone');
  expect(card.links[0]?.url).toBe(
    'https://learn.microsoft.com/pl-pl/defender-office-365/connectors-mail-flow-intelligence#error-code-450-44316-connection-refused',
  );
});

describe('what the server said is shown as text, never as markup', () => {
  const card = buildCheckCard(HOSTILE_GREETING, 'en');

  test('Teams: only in TextRuns', () => {
    const adaptive = renderCheckCard(card);
    const markdown = JSON.stringify(adaptive.body)
      .match(/"type":"TextBlock","text":"(?:[^"\\]|\\.)*"/g)
      ?.join('\n');
    expect(markdown).not.toContain('<!channel>');
    expect(JSON.stringify(adaptive)).toContain('<!channel>');
  });

  test('Slack: only in rich text elements, never in mrkdwn', () => {
    const blocks = JSON.stringify(renderCheckBlocks(card));
    const mrkdwn = blocks.match(/"type":"mrkdwn","text":"(?:[^"\\]|\\.)*"/g)?.join('\n') ?? '';
    expect(mrkdwn).not.toMatch(/<!channel>|<@U123>|<https:/);
    expect(blocks).toMatch(/"type":"text","text":"the server refuses service: 554 <!channel>/);
  });

  test('terminal: control characters replaced', () => {
    const text = renderCheckText(card);
    expect(text).not.toContain('\u001b');
    expect(text).toContain('<!channel>');
  });
});

test.each([...LOCALES])('%s: the progress line and every refusal have their text', (locale) => {
  expect(checkProgressText('mail.contoso.com', locale)).toContain('mail.contoso.com');
  for (const reason of ['disabled', 'notAllowed', 'invalidTarget', 'privateAddress', 'rateLimited'] as const)
    expect(checkRefusalText(reason, locale, 'mail.contoso.com').trim()).not.toBe('');
  expect(checkRefusalText('privateAddress', locale, '10.0.0.1')).toContain('10.0.0.1');
});
