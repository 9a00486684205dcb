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
import type { Answer, AnswerRequest } from '../../../core';
import { apologyText, KNOWN_CODES } from '../../../core';
import { answerAttachment, previewAttachment } from '../cards/attachment';
import { userKey } from './activityInfo';
import { preferredLocale } from './preferences';
import type { TurnDeps } from './turnDeps';

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

const explainCode = (code: string): AnswerRequest => ({ intent: 'explain', codes: [{ code }], details: {} });

function searchAnswers(context: TurnContext, deps: TurnDeps, text: string): Answer[] {
  const { answerer, state } = deps;
  if (!text) {
    const locale = preferredLocale(context, state);
    // Offered before the user types anything: the mail flow intelligence codes.
    return KNOWN_CODES.map((code) => answerer.answerAgain(explainCode(code), locale));
  }
  const activity = context.activity;
  const { answer } = answerer.ask(text, {
    clientLocale: activity.locale,
    chosenLocale: state.chosenLocales.get(userKey(activity)),
  });
  if (answer.intent === 'list') {
    return KNOWN_CODES.map((code) => answerer.answerAgain(explainCode(code), answer.locale));
  }
  const { codes } = answer.request;
  if (codes.length === 0) return [];
  // Several codes: the whole answer first, then each code on its own card. Codes the core answers
  // as one topic (5.4.316 with its cause 4.4.316) give the same title, and the picker shows only
  // titles, so a title already offered is not offered again.
  const candidates = [
    answer,
    ...codes.map((mention) => answerer.answerAgain({ ...answer.request, codes: [mention] }, answer.locale)),
  ];
  const titles = new Set<string>();
  return candidates.filter((candidate) => !titles.has(candidate.title) && titles.add(candidate.title));
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

export function answerSearch(
  context: TurnContext,
  deps: TurnDeps & { newReference: () => string },
  query: MessagingExtensionQuery,
): MessagingExtensionResponse {
  const text = searchText(query);
  deps.logger.debug({ text, commandId: query.commandId }, 'message extension query');
  let attachments: MessagingExtensionAttachment[];
  try {
    attachments = searchAnswers(context, deps, text).map(resultAttachment);
  } catch (error) {
    const reference = deps.newReference();
    deps.logger.error({ err: error, reference }, 'message extension query failed');
    const locale = preferredLocale(context, deps.state);
    return { composeExtension: { type: 'message', text: apologyText(locale, reference) } };
  }
  const fitting = attachments.filter(fitsTeams);
  if (fitting.length < attachments.length) {
    deps.logger.warn({ dropped: attachments.length - fitting.length }, 'left out cards above 28 KB');
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
