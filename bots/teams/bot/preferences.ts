/** The language of a reply that has no text to read it from: the user's choice, else the client's. */
import type { TurnContext } from 'botbuilder';
import { type Locale, toAnswerLocale } from '../../../core';
import { userKey } from './activityInfo';
import type { TeamsState } from './state';

export function preferredLocale(context: TurnContext, state: TeamsState): Locale {
  return state.chosenLocales.get(userKey(context.activity)) ?? toAnswerLocale(context.activity.locale);
}
