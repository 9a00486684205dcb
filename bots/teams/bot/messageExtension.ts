/**
 * The search-based message extension: the user types a code or a symptom in the compose box and
 * picks an answer card to insert into the conversation.
 */
import type {
  MessagingExtensionAttachment,
  MessagingExtensionQuery,
  MessagingExtensionResponse,
  TurnContext,
} from 'botbuilder';
import type { Answer } from '../../../core';
import type { Conversation } from '../../conversation/conversation';
import type { Logger } from '../../runtime/logger';
import { answerAttachment, previewAttachment } from '../cards/attachment';
import { senderOf } from './activityInfo';

/** The query command's id and its one parameter, as declared in the app manifest. */
export const SEARCH_COMMAND_ID = 'searchErrors';
export const SEARCH_PARAMETER = 'query';

/** Teams refuses a message extension card above 28 KB. */
export const MAX_CARD_BYTES = 28 * 1024;

const DEFAULT_PAGE_SIZE = 25;

/** The typed text; empty on the initial run, when the user has typed nothing yet. */
export function searchText(query: MessagingExtensionQuery): string {
  // The parameters come from the client as they are: keep only well-formed ones.
  const parameters = Array.isArray(query.parameters)
    ? query.parameters.filter((p): p is NonNullable<typeof p> => typeof p === 'object' && p !== null)
    : [];
  if (parameters.some((p) => p.name === 'initialRun' && String(p.value) === 'true')) return '';
  const value: unknown = parameters.find((p) => p.name === SEARCH_PARAMETER)?.value;
  return typeof value === 'string' ? value.trim() : '';
}

function resultAttachment(answer: Answer): MessagingExtensionAttachment {
  return { ...answerAttachment(answer), preview: previewAttachment(answer) };
}

const fitsTeams = (attachment: MessagingExtensionAttachment): boolean =>
  Buffer.byteLength(JSON.stringify(attachment.content)) <= MAX_CARD_BYTES;

/** Paging numbers come from the client: anything but a small whole number falls back. */
const pageNumber = (value: unknown, fallback: number): number =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 1000
    ? (value as number)
    : fallback;

export async function answerSearch(
  context: TurnContext,
  conversation: Conversation,
  logger: Logger,
  query: MessagingExtensionQuery,
): Promise<MessagingExtensionResponse> {
  const outcome = await conversation.search({ ...senderOf(context.activity), text: searchText(query) });
  if (outcome.kind === 'failed') return { composeExtension: { type: 'message', text: outcome.apology.text } };
  const attachments = outcome.answers.map(resultAttachment);
  const fitting = attachments.filter(fitsTeams);
  if (fitting.length < attachments.length) {
    logger.warn({ dropped: attachments.length - fitting.length }, 'left out cards above 28 KB');
  }
  const skip = pageNumber(query.queryOptions?.skip, 0);
  const count = pageNumber(query.queryOptions?.count, DEFAULT_PAGE_SIZE);
  return {
    composeExtension: {
      type: 'result',
      attachmentLayout: 'list',
      attachments: fitting.slice(skip, skip + count),
    },
  };
}
