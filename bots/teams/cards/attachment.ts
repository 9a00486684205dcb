/** The answer card as a Bot Framework attachment, and the preview a message extension result shows. */
import type { Attachment } from 'botbuilder';
import type { Answer, CheckCard } from '../../../core';
import { renderAdaptiveCard } from './answerCard';
import { renderCheckCard } from './checkCard';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
export const THUMBNAIL_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.thumbnail';

export function answerAttachment(answer: Answer): Attachment {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: renderAdaptiveCard(answer) };
}

export function checkAttachment(card: CheckCard): Attachment {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: renderCheckCard(card) };
}

/** What the compose box lists before the user picks a result: the title and the one-line meaning. */
export function previewAttachment(answer: Answer): Attachment {
  return { contentType: THUMBNAIL_CARD_CONTENT_TYPE, content: { title: answer.title, text: answer.summary } };
}
