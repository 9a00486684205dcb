/** The Slack messages the bot sends for an answer: blocks plus the notification's plain fallback. */
import type { types } from '@slack/bolt';
import { type Answer, toAnswerLocale } from '../../../core';
import { renderAnswerBlocks } from '../blocks/answerBlocks';
import { escapeMrkdwn } from '../blocks/mrkdwn';

export interface SlackMessage {
  blocks: types.Block[];
  /** Shown in notifications and where blocks can't be; Slack reads it as mrkdwn, so it is escaped. */
  text: string;
}

export function answerMessage(
  answer: Answer,
  options: { showFix: boolean; shareable: boolean },
): SlackMessage {
  // The renderer builds Block Kit as plain JSON (its tests check it against Slack's limits); the Web
  // API client's types only need each block to have a `type`, which every rendered block has.
  const blocks = renderAnswerBlocks(answer, options) as unknown as types.Block[];
  return { blocks, text: escapeMrkdwn(answer.title) };
}

/** The language of an apology: the user's choice, else their Slack locale, else English. */
export const apologyLocale = (chosen: string | undefined, clientLocale: string | undefined) =>
  toAnswerLocale(chosen ?? clientLocale);
