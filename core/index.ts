/**
 * The core's public API: understand a chat message and answer it in the right language.
 * Channel-neutral: the adapters in `bots/` turn events into calls here and answers into cards.
 */
import { buildAnswer } from './answer/build';
import type { Answer } from './answer/model';
import { type AnswerRequest, requestFrom } from './answer/request';
import { translatorFor } from './i18n';
import { DEFAULT_LOCALE, type LanguageChoice, type Locale, toAnswerLocale } from './locales';
import { type Understanding, understand } from './understand';

export interface AskOptions {
  /** The client's locale as the channel reports it (`es-MX`, `pt_BR`, …). */
  clientLocale?: string | undefined;
  /** The language the user chose with the language command, stored by the channel. */
  chosenLocale?: Locale | undefined;
}

export interface Reply {
  understanding: Understanding;
  answer: Answer;
}

/**
 * The answer's language, first rule that applies (CONTRACT.md): the language a language command asks
 * for; the user's stored choice (unless the command asks to choose automatically again, which forgets
 * it); the language the question is written in; the client's locale; English.
 */
export function chooseAnswerLocale(understanding: Understanding, options: AskOptions): Locale {
  const requested = understanding.intent === 'language' ? understanding.requestedLocale : undefined;
  if (requested !== undefined && requested !== 'automatic') return requested;
  return (
    (requested === 'automatic' ? undefined : options.chosenLocale) ??
    understanding.writtenIn ??
    (options.clientLocale ? toAnswerLocale(options.clientLocale) : DEFAULT_LOCALE)
  );
}

/** Understands `text` and answers it. Pure and synchronous. */
export function ask(text: string, options: AskOptions = {}): Reply {
  const clientLocale = options.clientLocale ? toAnswerLocale(options.clientLocale) : undefined;
  const understanding = understand(text, clientLocale ? { clientLocale } : {});
  const locale = chooseAnswerLocale(understanding, options);
  return {
    understanding,
    answer: buildAnswer(requestFrom(understanding), locale, understanding.requestedLocale),
  };
}

/**
 * Answers a request again, typically in another language after the user switched a card's language.
 * `requestedLocale`: the language the user just picked on a language card, so that card confirms the
 * choice ("From now on I'll answer in …") instead of asking again.
 */
export function answerAgain(
  request: AnswerRequest,
  locale: Locale,
  requestedLocale?: LanguageChoice,
): Answer {
  return buildAnswer(request, locale, requestedLocale);
}

/** The short apology shown when answering failed, with the reference that is also in the log. */
export function apologyText(locale: Locale, reference: string): string {
  return translatorFor(locale).text('error.apology', { reference });
}

/** The polite note for a user (or a loop of bots) sending faster than the bot answers. */
export function rateLimitedText(locale: Locale): string {
  return translatorFor(locale).text('error.rateLimited');
}

/** The hint for a follow-up ("how do I fix it?") posted where there is no earlier answer to follow. */
export function followUpWithoutThreadText(locale: Locale): string {
  return translatorFor(locale).text('error.followUpWithoutThread');
}

export {
  type Answer,
  type Block,
  type CheckOffer,
  type Fact,
  FOLD_IDS,
  type Fold,
  type FoldId,
  initiallyOpen,
  type Link,
  type Section,
  visibleSections,
} from './answer/model';
export { type AnswerRequest, parseAnswerRequest } from './answer/request';
export { buildCheckCard, type CheckCard, type CheckStepLine } from './check/card';
export { type CheckRefusal, checkProgressText, checkRefusalText } from './check/messages';
export type { CheckResult, CheckStep, StepReport } from './check/model';
export { type CheckTarget, parseCheckTarget, parseHostName } from './check/target';
export { checkVerdict } from './check/verdict';
export { type Translator, translatorFor } from './i18n';
export { KNOWN_CODES, type KnownCode } from './knowledge/knownCodes';
export {
  AUTONYMS,
  isLocale,
  type LanguageChoice,
  LOCALES,
  type Locale,
  localeFromAcceptLanguage,
  toAnswerLocale,
} from './locales';
export { renderCheckText } from './render/checkText';
export { plainOf, type Run, splitBold } from './render/inline';
export { escapeForTerminal, renderPlainText } from './render/plainText';
export type { Intent, Understanding } from './understand';
export { type LanguageModel, loadLanguageModel } from './understand/languageModel';
export { MAX_MESSAGE_LENGTH } from './understand/normalize';
