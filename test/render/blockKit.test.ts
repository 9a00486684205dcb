import { renderAnswerBlocks, type SlackBlock } from '../../bots/slack/blocks/answerBlocks';
import { decodeCardState } from '../../bots/slack/blocks/cardState';
import { SLACK_LIMITS } from '../../bots/slack/blocks/limits';
import { renderFallbackText } from '../../bots/slack/blocks/messages';
import { ask, FOLD_IDS, type FoldId } from '../../core';
import { HOSTILE_PASTE, SAMPLE_ANSWERS } from '../support/sampleAnswers';

type Element = Record<string, unknown> & { text?: { text: string }; action_id?: string; value?: string };

const elementsOf = (blocks: SlackBlock[]): Element[] =>
  blocks.flatMap((block) => (block.elements as Element[]) ?? []);

const FIRST_STATE = undefined;
const ALL_OPEN = new Set<FoldId>(FOLD_IDS);

describe.each(SAMPLE_ANSWERS)('$name', ({ answer }) => {
  describe.each([FIRST_STATE, ALL_OPEN])('folds open: %p', (open) => {
    const blocks = renderAnswerBlocks(answer, { ...(open ? { open } : {}), shareable: true });

    test('within Slack limits', () => {
      expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
      for (const block of blocks) {
        const text = (block.text as { text?: string } | undefined)?.text ?? '';
        if (block.type === 'header') expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
        if (block.type === 'section') {
          expect(text.length).toBeGreaterThan(0);
          expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
        }
        expect(String(block.block_id ?? '').length).toBeLessThanOrEqual(SLACK_LIMITS.blockId);
      }
      for (const element of elementsOf(blocks)) {
        if (element.type === 'button') {
          expect(element.text?.text.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonText);
          expect((element.value ?? '').length).toBeLessThanOrEqual(SLACK_LIMITS.buttonValue);
        }
        if (element.type === 'overflow') {
          const options = element.options as { text: { text: string }; value: string }[];
          expect(options.length).toBeLessThanOrEqual(SLACK_LIMITS.overflowOptions);
          for (const option of options) {
            expect(option.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.optionText);
            expect(option.value.length).toBeLessThanOrEqual(SLACK_LIMITS.optionValue);
          }
        }
      }
    });

    test('action ids are unique', () => {
      const ids = elementsOf(blocks).map((element) => element.action_id);
      expect(new Set(ids).size).toBe(ids.length);
    });

    test('the language picker carries a state the bot can read back', () => {
      const actions = blocks.find((block) => block.type === 'actions');
      const state = decodeCardState(actions?.block_id as string);
      expect(state?.locale).toBe(answer.locale);
      expect(state?.request.codes.map((mention) => mention.code)).toEqual(
        answer.request.codes.map((m) => m.code),
      );
    });
  });
});

test('a fold shows its sections only while open, and its button opens or closes it', () => {
  const answer = ask('4.4.316').answer;
  const closed = renderAnswerBlocks(answer, { shareable: false });
  const opened = renderAnswerBlocks(answer, { open: new Set(['commands']), shareable: false });
  expect(JSON.stringify(closed)).not.toContain('Set-AcceptedDomain');
  expect(JSON.stringify(opened)).toContain('Set-AcceptedDomain');
  const stateOf = (blocks: SlackBlock[]) =>
    decodeCardState(elementsOf(blocks).find((e) => e.action_id === 'mailflow_fold_commands')?.value);
  expect([...(stateOf(closed)?.open ?? [])]).toEqual(['commands']);
  expect([...(stateOf(opened)?.open ?? [])]).toEqual([]);
});

test('the first message opens what was asked for: the steps for "how do I fix"', () => {
  const text = (question: string) =>
    JSON.stringify(renderAnswerBlocks(ask(question).answer, { shareable: true }));
  expect(text('what does 4.4.316 mean?')).not.toContain('Fix now');
  expect(text('how do I fix 4.4.316?')).toContain('Fix now');
});

test('buttons of answers drawn before the folds still redraw: the fix flag maps onto the folds', () => {
  const request = { intent: 'explain', codes: [{ code: '4.4.316' }], details: {} };
  const shown = decodeCardState(JSON.stringify({ r: request, l: 'es', f: 1 }));
  const hidden = decodeCardState(JSON.stringify({ r: request, l: 'es', f: 0 }));
  expect([...(shown?.open ?? [])]).toEqual(['causes', 'steps', 'commands']);
  expect([...(hidden?.open ?? [])]).toEqual(['causes']);
  expect(decodeCardState(JSON.stringify({ r: request, l: 'es', o: 8 }))).toBeUndefined();
});

test('Share in channel comes first in its row', () => {
  const blocks = renderAnswerBlocks(ask('4.4.316').answer, { shareable: true });
  expect(elementsOf(blocks)[0]?.action_id).toBe('mailflow_share');
});

test('the plain fallback has the whole answer, every fold included, escaped', () => {
  const text = renderFallbackText(ask(HOSTILE_PASTE).answer);
  expect(text).toContain('Set-AcceptedDomain');
  expect(text).toContain('Fix now');
  expect(text).not.toMatch(/<!channel>|<@U123>/);
});

test('a hostile paste can never ping, link or format', () => {
  const blocks = renderAnswerBlocks(ask(HOSTILE_PASTE).answer, { open: ALL_OPEN, shareable: true });
  const mrkdwnTexts = JSON.stringify(blocks)
    .match(/"type":"mrkdwn","text":"(?:[^"\\]|\\.)*"/g)
    ?.join('\n');
  expect(mrkdwnTexts).not.toMatch(/<!channel>|<!here>|<@U123>|<https:/);
  const plain = JSON.stringify(blocks)
    .match(/"type":"plain_text","text":"(?:[^"\\]|\\.)*"/g)
    ?.join('\n');
  expect(plain).toContain('<!channel>');
});

test('only the share variant offers Share in channel', () => {
  const answer = ask('4.4.316').answer;
  const ids = (shareable: boolean) =>
    elementsOf(renderAnswerBlocks(answer, { shareable })).map((element) => element.action_id);
  expect(ids(true)).toContain('mailflow_share');
  expect(ids(false)).not.toContain('mailflow_share');
});
