/**
 * The card's Submit actions (the Language picker, "Check the server") come back as a message whose
 * `value` holds the action's data plus the picker's input. Read here into the conversation layer's
 * card action: a picked language's answer comes back in place of the card, a check as a reply.
 */
import { isLocale, parseAnswerRequest } from '../../../core';
import type { CardAction } from '../../conversation/message';
import { LANGUAGE_INPUT_ID } from '../cards/actionData';

/** Longest host a card of ours can carry back (a host name's 253 characters, with room to spare). */
const MAX_HOST_LENGTH = 300;

/** Which of our card actions a message's `value` claims to be (it may still be malformed). */
export function cardActionKind(value: unknown): 'switchLanguage' | 'checkServer' | undefined {
  const kind =
    typeof value === 'object' && value !== null ? (value as { mailflow?: unknown }).mailflow : undefined;
  return kind === 'switchLanguage' || kind === 'checkServer' ? kind : undefined;
}

/** Whether a message's `value` claims to be a language switch (it may still be malformed). */
export const isLanguageSwitchValue = (value: unknown): boolean => cardActionKind(value) === 'switchLanguage';

/**
 * The check asked for, or `undefined` when the value comes from no card of ours. The host is only
 * bounded here: the conversation layer checks that it names a server before anything runs.
 */
export function parseCheckServer(value: unknown): CardAction | undefined {
  if (cardActionKind(value) !== 'checkServer') return undefined;
  const { host, locale } = value as Record<string, unknown>;
  return typeof host === 'string' && host.length <= MAX_HOST_LENGTH && isLocale(locale)
    ? { kind: 'check', host, locale }
    : undefined;
}

/** The language pick, or `undefined` when the value comes from no card of ours (it is client input). */
export function parseLanguageSwitch(value: unknown): CardAction | undefined {
  if (!isLanguageSwitchValue(value)) return undefined;
  const fields = value as Record<string, unknown>;
  const request = parseAnswerRequest(fields.request);
  const locale = fields[LANGUAGE_INPUT_ID];
  // Teams opens and closes folds in the client: the new card starts from the answer's first state.
  return request && isLocale(locale) ? { kind: 'pickLanguage', request, locale } : undefined;
}
