/**
 * The card's Language picker: its Action.Submit comes back as a message whose `value` holds the
 * action's data plus the picker's input. The bot answers the same request again in the chosen
 * language, replaces the card in place, and remembers the choice for the user.
 */
import type { TurnContext } from 'botbuilder';
import { type AnswerRequest, isLocale, type Locale, parseAnswerRequest } from '../../../core';
import { LANGUAGE_INPUT_ID } from '../cards/actionData';
import { threadConversationId, userKey } from './activityInfo';
import { answerMessage, replaceMessage, replyInThread } from './replies';
import type { TurnDeps } from './turnDeps';

export interface LanguageSwitch {
  request: AnswerRequest;
  locale: Locale;
}

/** Whether a message's `value` claims to be a language switch (it may still be malformed). */
export function isLanguageSwitchValue(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { mailflow?: unknown }).mailflow === 'switchLanguage'
  );
}

/** The switch, or `undefined` when the value comes from no card of ours (it is client input). */
export function parseLanguageSwitch(value: unknown): LanguageSwitch | undefined {
  if (!isLanguageSwitchValue(value)) return undefined;
  const fields = value as Record<string, unknown>;
  const request = parseAnswerRequest(fields.request);
  const locale = fields[LANGUAGE_INPUT_ID];
  return request && isLocale(locale) ? { request, locale } : undefined;
}

export async function switchCardLanguage(context: TurnContext, deps: TurnDeps): Promise<void> {
  const activity = context.activity;
  const action = parseLanguageSwitch(activity.value);
  if (!action) {
    deps.logger.warn({ activityId: activity.id }, 'ignored a malformed language switch');
    return;
  }
  deps.state.chosenLocales.set(userKey(activity), action.locale);
  const answer = deps.answerer.answerAgain(action.request, action.locale);
  if (answer.codes.length > 0) deps.state.lastRequests.set(threadConversationId(activity), answer.request);
  const message = answerMessage(answer);

  if (activity.replyToId) {
    try {
      await replaceMessage(context, activity.replyToId, message);
      deps.logger.info({ locale: action.locale }, 'card language switched');
      return;
    } catch (error) {
      // A card the bot did not post (one a user inserted from the message extension) cannot be
      // edited by the bot: the answer comes as a new reply instead.
      deps.logger.warn({ err: error, replyToId: activity.replyToId }, 'card update failed, replying instead');
    }
  }
  await replyInThread(context, message);
}
