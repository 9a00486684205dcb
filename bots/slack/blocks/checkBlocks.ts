/**
 * A live check's result as Block Kit blocks: the verdict as the header, a ✓/✗ line per step in a
 * rich text block (whose text elements Slack never reads as markup, mentions or links, so what the
 * server said stays text), and a link button.
 */
import type { CheckCard } from '../../../core';
import { ACTION_IDS, type SlackBlock } from './answerBlocks';
import { SLACK_LIMITS, truncate } from './limits';
import { mrkdwn } from './mrkdwn';

const plainText = (text: string, max: number) => ({
  type: 'plain_text',
  text: truncate(text, max),
  emoji: false,
});

function stepsBlock(card: CheckCard): SlackBlock {
  return {
    type: 'rich_text',
    elements: card.steps.map((step) => ({
      type: 'rich_text_section',
      elements: [
        { type: 'text', text: step.ok ? '✓ ' : '✗ ' },
        { type: 'text', text: step.label, style: { bold: true } },
        { type: 'text', text: step.detail },
      ],
    })),
  };
}

export function renderCheckBlocks(card: CheckCard): SlackBlock[] {
  const mrkdwnSection = (text: string): SlackBlock => ({
    type: 'section',
    text: { type: 'mrkdwn', text: truncate(mrkdwn(text), SLACK_LIMITS.sectionText) },
  });
  const links: SlackBlock[] =
    card.links.length === 0
      ? []
      : [
          {
            type: 'actions',
            elements: card.links.map((link) => ({
              type: 'button',
              action_id: ACTION_IDS.link(link.target),
              text: plainText(link.label, SLACK_LIMITS.buttonText),
              url: link.url,
            })),
          },
        ];
  return [
    { type: 'header', text: plainText(card.title, SLACK_LIMITS.headerText) },
    mrkdwnSection(card.summary),
    ...(card.steps.length > 0 ? [stepsBlock(card)] : []),
    ...card.notes.map(mrkdwnSection),
    ...links,
  ];
}
