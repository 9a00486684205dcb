/** The conversation layer's outcomes as Slack messages: Block Kit plus the notification's plain fallback. */
import type { types } from '@slack/bolt';
import type { Answer, CheckCard } from '../../core';
import type { Outcome } from '../conversation/outcome';
import { type BlockOptions, renderAnswerBlocks } from './blocks/answerBlocks';
import { renderCheckBlocks } from './blocks/checkBlocks';
import { renderFallbackText } from './blocks/messages';
import { escapeMrkdwn } from './blocks/mrkdwn';

export interface SlackMessage {
  blocks?: types.Block[];
  /** For notifications and screen readers, and where blocks can't be; Slack reads it as mrkdwn, so it is escaped. */
  text: string;
}

export function answerMessage(answer: Answer, options: BlockOptions): Required<SlackMessage> {
  // The renderer builds Block Kit as plain JSON (its tests check it against Slack's limits); the Web
  // API client's types only need each block to have a `type`, which every rendered block has.
  const blocks = renderAnswerBlocks(answer, options) as unknown as types.Block[];
  return { blocks, text: renderFallbackText(answer) };
}

/** A live check's result; the fallback text is its title (the verdict). */
export function checkMessage(card: CheckCard): Required<SlackMessage> {
  const blocks = renderCheckBlocks(card) as unknown as types.Block[];
  return { blocks, text: escapeMrkdwn(card.title) };
}

/**
 * The message for an outcome; none for a refusal that says nothing. `shareable`: the answer is one
 * only the asker sees, which offers "Share in channel".
 */
export function messageFor(outcome: Outcome, shareable: boolean): SlackMessage | undefined {
  switch (outcome.kind) {
    case 'answer':
      return answerMessage(outcome.answer, { shareable, ...(outcome.open ? { open: outcome.open } : {}) });
    case 'hint':
      return { text: escapeMrkdwn(outcome.note.text) };
    case 'rateLimited':
      return outcome.notice && { text: escapeMrkdwn(outcome.notice.text) };
    case 'failed':
      return { text: escapeMrkdwn(outcome.apology.text) };
    case 'checking':
      return { text: escapeMrkdwn(outcome.progress.text) };
    case 'checked':
      return checkMessage(outcome.card);
    case 'checkRefused':
      return { text: escapeMrkdwn(outcome.note.text) };
  }
}
