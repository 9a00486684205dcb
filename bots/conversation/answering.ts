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
  type Understanding,
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
  /**
   * The server a check request names ("check mail.contoso.com"): the live check runs where the bot
   * has one, and `outcome` (which says what the check does) stands where it has none.
   */
  checkHost?: string;
}

/** The language of a reply that has no words to read it from: the user's choice, else the client's. */
export const preferredLocale = ({ chosen, client }: Locales): Locale => chosen ?? toAnswerLocale(client);

/** What the rules need to answer a message, beside its words. */
export interface Context {
  place: Place;
  locales: Locales;
  lastAnswer: () => Promise<AnswerRequest | undefined>;
  /**
   * Asks the channel for the client's locale (a bounded wait), where the event did not carry it and
   * the answer's language turns on it; fills in `locales.client`.
   */
  lookUpClientLocale?: (() => Promise<void>) | undefined;
}

/**
 * Whether the answer's language may be the client's (CONTRACT.md's rules): not when the language
 * command names one, nor when the user chose one (unless the command forgets it), nor when the words
 * say it.
 */
function followsClient({ intent, requestedLocale, writtenIn }: Understanding, locales: Locales): boolean {
  const requested = intent === 'language' ? requestedLocale : undefined;
  if (requested !== undefined && requested !== 'automatic') return false;
  if (requested !== 'automatic' && locales.chosen !== undefined) return false;
  return writtenIn === undefined;
}

export async function answerText(core: CoreApi, text: string, context: Context): Promise<Answered> {
  const { place, locales } = context;
  // A bare mention of the bot ("@Mail flow"), an empty `/mailflow`: a request for help.
  if (!text.trim()) {
    if (locales.chosen === undefined) await context.lookUpClientLocale?.();
    const answer = core.answerAgain(HELP_REQUEST, preferredLocale(locales));
    return { outcome: { kind: 'answer', answer } };
  }
  const ask = () => core.ask(text, { clientLocale: locales.client, chosenLocale: locales.chosen });
  let { understanding, answer } = ask();
  if (context.lookUpClientLocale && followsClient(understanding, locales)) {
    // Only now is the client's locale worth waiting for; with it the words are read again (it
    // settles a tie between two languages).
    await context.lookUpClientLocale();
    if (locales.client) ({ understanding, answer } = ask());
  }
  const answered: Answered['outcome'] = { kind: 'answer', answer };
  if (understanding.intent === 'language') {
    const choice = understanding.requestedLocale;
    return choice === undefined ? { outcome: answered } : { outcome: answered, languageChoice: choice };
  }
  const checkHost = understanding.intent === 'check' ? understanding.details.server : undefined;
  if (checkHost !== undefined) return { outcome: answered, checkHost };
  if (!isFollowUp(understanding)) return { outcome: answered };
  if (place.kind === 'channelRoot') {
    const note = { text: followUpWithoutThreadText(answer.locale), locale: answer.locale };
    return { outcome: { kind: 'hint', note } };
  }
  const previous = await context.lastAnswer();
  if (!previous) return { outcome: answered };
  // The question's own language still rules: the answer to it is already in the right one.
  const again = core.answerAgain({ ...previous, intent: understanding.intent }, answer.locale);
  return { outcome: { kind: 'answer', answer: again } };
}
