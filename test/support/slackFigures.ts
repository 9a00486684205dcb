/**
 * What a Slack message shows before anyone clicks: its block count and its visible characters, the
 * text of headers, sections, fields and context elements without mrkdwn markers or escapes.
 */
import type { SlackBlock } from '../../bots/slack/blocks/answerBlocks';

type TextObject = { type?: string; text?: string };

const UNESCAPED: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/** The characters a reader sees of a text object: mrkdwn's markers and escapes don't show. */
function visible(object: TextObject | undefined): number {
  if (!object?.text) return 0;
  if (object.type !== 'mrkdwn') return object.text.length;
  return object.text
    .replace(/```/g, '')
    .replace(/&(?:amp|lt|gt);/g, (entity) => UNESCAPED[entity] ?? entity)
    .replace(/[*_`]/g, '').length;
}

export interface SlackFigures {
  blocks: number;
  visibleCharacters: number;
}

export function slackFigures(blocks: readonly SlackBlock[]): SlackFigures {
  let characters = 0;
  for (const block of blocks) {
    characters += visible(block.text as TextObject | undefined);
    for (const field of (block.fields as TextObject[] | undefined) ?? []) characters += visible(field);
    if (block.type === 'context') {
      for (const element of (block.elements as TextObject[] | undefined) ?? [])
        characters += visible(element);
    }
  }
  return { blocks: blocks.length, visibleCharacters: characters };
}

/** The limits of a first message in a Slack thread (issue 11). */
export const SLACK_FIRST_MESSAGE = { maxBlocks: 12, maxVisibleCharacters: 1200 } as const;
