import { renderAnswerBlocks, type SlackBlock } from '../../bots/slack/blocks/answerBlocks';
import { decodeCardState } from '../../bots/slack/blocks/cardState';
import { SLACK_LIMITS } from '../../bots/slack/blocks/limits';
import { ask } from '../../core';
import { HOSTILE_PASTE, SAMPLE_ANSWERS } from '../support/sampleAnswers';

type Element = Record<string, unknown> & { text?: { text: string }; action_id?: string; value?: string };

const elementsOf = (blocks: SlackBlock[]): Element[] =>
  blocks.flatMap((block) => (block.elements as Element[]) ?? []);

describe.each(SAMPLE_ANSWERS)('$name', ({ answer }) => {
  describe.each([true, false])('fix shown: %s', (showFix) => {
    const blocks = renderAnswerBlocks(answer, { showFix, shareable: true });

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

test('hiding the fix removes the fix sections and flips the toggle', () => {
  const answer = ask('4.4.316').answer;
  const shown = JSON.stringify(renderAnswerBlocks(answer, { showFix: true, shareable: false }));
  const hidden = JSON.stringify(renderAnswerBlocks(answer, { showFix: false, shareable: false }));
  expect(shown).toContain('Set-AcceptedDomain');
  expect(hidden).not.toContain('Set-AcceptedDomain');
  expect(hidden).toContain('Show the fix');
  expect(shown).toContain('Hide the fix');
});

test('a hostile paste can never ping, link or format', () => {
  const blocks = renderAnswerBlocks(ask(HOSTILE_PASTE).answer, { showFix: true, shareable: true });
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
    elementsOf(renderAnswerBlocks(answer, { showFix: true, shareable })).map((element) => element.action_id);
  expect(ids(true)).toContain('mailflow_share');
  expect(ids(false)).not.toContain('mailflow_share');
});
