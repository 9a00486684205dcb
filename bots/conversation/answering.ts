/**
 * The rules for a message: an empty one asks for help; the language command sets or forgets the
 * user's language; a follow-up that names no code is about the last answer where it was asked, and
 * at a channel's top level, where nothing came before, gets a hint instead.
 */
import {
  type AnswerRequest,
  followUpWithoutThreadText,
  type LanguageChoice,
  type Locale,
  toAnswerLocale,
} from '../../core';
import type { CoreApi } from './core';
import { isFollowUp } from './followUps';
import type { Place } from './message';
import type { Outcome } from './outcome';

export const HELP_REQUEST: AnswerRequest = { intent: 'help', codes: [], details: {} };

export interface Locales {
  /** The user's chosen language. */
  chosen: Locale | undefined;
  /** The client's locale as the channel reports it. */
  client: string | undefined;
}

export interface Answered {
  outcome: Extract<Outcome, { kind: 'answer' | 'hint' }>;
  /** What a language command asked for: the user's new choice, or `automatic` to forget it. */
  languageChoice?: LanguageChoice;
}

/** The language of a reply that has no words to read it from: the user's choice, else the client's. */
export const preferredLocale = ({ chosen, client }: Locales): Locale => chosen ?? toAnswerLocale(client);

export async function answerText(
  core: CoreApi,
  text: string,
  place: Place,
  locales: Locales,
  lastAnswer: () => Promise<AnswerRequest | undefined>,
): Promise<Answered> {
  // A bare mention of the bot ("@Mail flow"), an empty `/mailflow`: a request for help.
  if (!text.trim()) {
    const answer = core.answerAgain(HELP_REQUEST, preferredLocale(locales));
    return { outcome: { kind: 'answer', answer } };
  }
  const { understanding, answer } = core.ask(text, {
    clientLocale: locales.client,
    chosenLocale: locales.chosen,
  });
  const answered: Answered['outcome'] = { kind: 'answer', answer };
  if (understanding.intent === 'language') {
    const choice = understanding.requestedLocale;
    return choice === undefined ? { outcome: answered } : { outcome: answered, languageChoice: choice };
  }
  if (!isFollowUp(understanding)) return { outcome: answered };
  if (place.kind === 'channelRoot') {
    const note = { text: followUpWithoutThreadText(answer.locale), locale: answer.locale };
    return { outcome: { kind: 'hint', note } };
  }
  const previous = await lastAnswer();
  if (!previous) return { outcome: answered };
  // The question's own language still rules: the answer to it is already in the right one.
  const again = core.answerAgain({ ...previous, intent: understanding.intent }, answer.locale);
  return { outcome: { kind: 'answer', answer: again } };
}
