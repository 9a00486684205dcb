/** The Slack messages the bot sends, by where the answer goes. */
import type { Answer } from '../../../core';
import { renderAnswerBlocks, type SlackBlock } from './answerBlocks';

/** The reply to `/mailflow`: only the asker sees it, so it offers "Share in channel". */
export const renderSlashCommandBlocks = (answer: Answer): SlackBlock[] =>
  renderAnswerBlocks(answer, { showFix: true, shareable: true });

/** A reply everyone in the conversation sees: a mention's thread, a DM, a shared answer. */
export const renderPublicBlocks = (answer: Answer): SlackBlock[] =>
  renderAnswerBlocks(answer, { showFix: true, shareable: false });
