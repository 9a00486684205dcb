/**
 * A Slack answer reads at a glance in a thread: every code's first message, asked or pasted, in every
 * language, stays within 12 blocks and 1,200 visible characters, with Share in channel first.
 */
import { renderSlashCommandBlocks } from '../../bots/slack/blocks/messages';
import { cardCases } from '../support/cardCases';
import { SLACK_FIRST_MESSAGE, slackFigures } from '../support/slackFigures';

const CASES = cardCases(['question', 'paste', 'fix']).map((c) => ({
  ...c,
  name: `${c.code} ${c.locale} ${c.kind}`,
}));

test.each(CASES)('$name: the first message fits', ({ answer }) => {
  const blocks = renderSlashCommandBlocks(answer);
  const figures = slackFigures(blocks);
  expect(figures.blocks).toBeLessThanOrEqual(SLACK_FIRST_MESSAGE.maxBlocks);
  expect(figures.visibleCharacters).toBeLessThanOrEqual(SLACK_FIRST_MESSAGE.maxVisibleCharacters);
  const controls = blocks.find((block) => block.type === 'actions')?.elements as { action_id: string }[];
  expect(controls[0]?.action_id).toBe('mailflow_share');
});

test('the figures count what a reader sees, not markup', () => {
  expect(
    slackFigures([
      { type: 'header', text: { type: 'plain_text', text: 'abc' } },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: '*bold* &amp; ```code```' },
        fields: [{ type: 'plain_text', text: 'xy' }],
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: '_note_' }] },
    ]),
  ).toEqual({ blocks: 3, visibleCharacters: 3 + 'bold & code'.length + 2 + 4 });
});
