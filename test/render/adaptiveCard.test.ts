import { type AdaptiveCard, FOLD_BUTTONS_ID, renderAdaptiveCard } from '../../bots/teams/cards/answerCard';
import { ask } from '../../core';
import { cardIssues } from '../support/adaptiveCards';
import { HOSTILE_PASTE, SAMPLE_ANSWERS } from '../support/sampleAnswers';

/** A message extension's card may be at most 28 KB (bot messages allow 40 KB). */
const MAX_CARD_BYTES = 28 * 1024;

describe.each(SAMPLE_ANSWERS)('$name', ({ answer }) => {
  const card = renderAdaptiveCard(answer);

  test('the official renderer parses it without a warning', () => {
    expect(cardIssues(card)).toEqual([]);
  });

  test('is schema 1.5 and within 28 KB', () => {
    expect(card.version).toBe('1.5');
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(MAX_CARD_BYTES);
  });

  test('element ids are unique', () => {
    const ids = JSON.stringify(card).match(/"id":"[^"]*"/g) ?? [];
    expect(new Set(ids).size).toBe(ids.length);
  });
});

test('the 4.4.316 card shows Fix now, the accepted domain change and the admin links', () => {
  const json = JSON.stringify(renderAdaptiveCard(ask('what does 4.4.316 mean?').answer));
  expect(json).toContain('**Fix now**');
  expect(json).toContain('**Internal Relay**');
  expect(json).toContain('**Authoritative**');
  expect(json).toContain('https://admin.exchange.microsoft.com/#/connectors');
  expect(json).toContain('https://admin.exchange.microsoft.com/#/accepteddomains');
  expect(json).toContain('Set-AcceptedDomain -Identity <domain> -DomainType Authoritative');
});

test('pasted text only ever appears in TextRuns, never as markdown', () => {
  const card = renderAdaptiveCard(ask(HOSTILE_PASTE).answer);
  const markdownTexts = JSON.stringify(card.body)
    .match(/"type":"TextBlock","text":"(?:[^"\\]|\\.)*"/g)
    ?.join('\n');
  expect(markdownTexts).not.toContain('evil.example');
  expect(markdownTexts).not.toContain('<at>');
  const runs = JSON.stringify(card.body)
    .match(/"type":"TextRun","text":"(?:[^"\\]|\\.)*"/g)
    ?.join('\n');
  expect(runs).toContain('<!channel>');
});

const foldButtons = (card: AdaptiveCard) =>
  (card.body.find((element) => element.id === FOLD_BUTTONS_ID)?.actions ?? []) as {
    title: string;
    targetElements: string[];
  }[];
const visibility = (card: AdaptiveCard) =>
  Object.fromEntries(
    card.body.filter((element) => element.type === 'Container').map((e) => [e.id, e.isVisible !== false]),
  );

test('each fold button shows or hides that fold’s sections, and only those', () => {
  const answer = ask('4.4.316').answer;
  const buttons = foldButtons(renderAdaptiveCard(answer));
  expect(buttons.map((button) => button.title)).toEqual(answer.folds.map((fold) => fold.label));
  expect(buttons.map((button) => button.targetElements)).toEqual([
    ['t0-causes', 'partner'],
    ['t0-steps'],
    ['t0-commands'],
  ]);
});

test('the first state shows the first screen, and opens the steps only for "how do I fix"', () => {
  expect(visibility(renderAdaptiveCard(ask('what does 4.4.316 mean?').answer))).toEqual({
    partner: false,
    retry: true,
    't0-first': true,
    't0-causes': false,
    't0-steps': false,
    't0-commands': false,
  });
  expect(visibility(renderAdaptiveCard(ask('how do I fix 4.4.316?').answer))).toMatchObject({
    't0-steps': true,
    't0-commands': false,
  });
});

test('one link is a button; the others and the language picker are one click away under More', () => {
  const card = renderAdaptiveCard(ask('4.4.316').answer);
  expect(card.actions.map((action) => action.type)).toEqual(['Action.OpenUrl', 'Action.ShowCard']);
  const more = JSON.stringify(card.actions[1]);
  expect(more).toContain('https://admin.exchange.microsoft.com/#/accepteddomains');
  expect(more).toContain('Input.ChoiceSet');
});
