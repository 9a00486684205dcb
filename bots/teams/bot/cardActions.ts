/**
 * The card's Language picker: its Action.Submit comes back as a message whose `value` holds the
 * action's data plus the picker's input. Read here into the conversation layer's card action; the
 * answer comes back in place of the card.
 */
import { isLocale, parseAnswerRequest } from '../../../core';
import type { CardAction } from '../../conversation/message';
import { LANGUAGE_INPUT_ID } from '../cards/actionData';

/** Whether a message's `value` claims to be a language switch (it may still be malformed). */
export function isLanguageSwitchValue(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { mailflow?: unknown }).mailflow === 'switchLanguage'
  );
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
