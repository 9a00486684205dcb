/** The Slack messages the bot sends, by where the answer goes, and their plain fallback. */
import { type Answer, renderPlainText } from '../../../core';
import { renderAnswerBlocks, type SlackBlock } from './answerBlocks';
import { SLACK_LIMITS, truncate } from './limits';
import { escapeMrkdwn } from './mrkdwn';

/** The reply to `/mailflow`: only the asker sees it, so it offers "Share in channel". */
export const renderSlashCommandBlocks = (answer: Answer): SlackBlock[] =>
  renderAnswerBlocks(answer, { shareable: true });

/** A reply everyone in the conversation sees: a mention's thread, a DM, a shared answer. */
export const renderPublicBlocks = (answer: Answer): SlackBlock[] =>
  renderAnswerBlocks(answer, { shareable: false });

/**
 * A message's `text`: the whole answer, every fold included, for notifications and screen readers,
 * which don't read the blocks. Slack reads it as mrkdwn, so it is escaped.
 */
export const renderFallbackText = (answer: Answer): string =>
  truncate(escapeMrkdwn(renderPlainText(answer)), SLACK_LIMITS.messageText);
