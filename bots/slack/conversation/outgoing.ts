/** The Slack messages the bot sends for an answer: blocks plus the notification's plain fallback. */
import type { types } from '@slack/bolt';
import { type Answer, toAnswerLocale } from '../../../core';
import { type BlockOptions, renderAnswerBlocks } from '../blocks/answerBlocks';
import { renderFallbackText } from '../blocks/messages';

export interface SlackMessage {
  blocks: types.Block[];
  /** The whole answer in plain text, for notifications and screen readers. */
  text: string;
}

export function answerMessage(answer: Answer, options: BlockOptions): SlackMessage {
  // The renderer builds Block Kit as plain JSON (its tests check it against Slack's limits); the Web
  // API client's types only need each block to have a `type`, which every rendered block has.
  const blocks = renderAnswerBlocks(answer, options) as unknown as types.Block[];
  return { blocks, text: renderFallbackText(answer) };
}

/** The language of an apology: the user's choice, else their Slack locale, else English. */
export const apologyLocale = (chosen: string | undefined, clientLocale: string | undefined) =>
  toAnswerLocale(chosen ?? clientLocale);
