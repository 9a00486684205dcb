/**
 * Every language's content, bundled at build time (JSON imports), so the bot needs no file reads at
 * run time and a language missing a key fails to compile.
 */
import enAnswer from '../locales/en/answer.json';
import enRfc from '../locales/en/rfc3463.json';
import enUnderstand from '../locales/en/understand.json';
import esAnswer from '../locales/es/answer.json';
import esRfc from '../locales/es/rfc3463.json';
import esUnderstand from '../locales/es/understand.json';
import itAnswer from '../locales/it/answer.json';
import itRfc from '../locales/it/rfc3463.json';
import itUnderstand from '../locales/it/understand.json';
import plAnswer from '../locales/pl/answer.json';
import plRfc from '../locales/pl/rfc3463.json';
import plUnderstand from '../locales/pl/understand.json';
import ptAnswer from '../locales/pt-BR/answer.json';
import ptRfc from '../locales/pt-BR/rfc3463.json';
import ptUnderstand from '../locales/pt-BR/understand.json';
import unsupportedLanguages from '../locales/unsupported.json';
import zhAnswer from '../locales/zh-CN/answer.json';
import zhRfc from '../locales/zh-CN/rfc3463.json';
import zhUnderstand from '../locales/zh-CN/understand.json';
import type { ExchangeOnlineKey } from './knowledge/exchangeOnlineCodes';
import type { KnownCodeKey } from './knowledge/knownCodes';
import type { WindowsSocketErrorKey } from './knowledge/socketErrors';
import type { Locale } from './locales';

/**
 * Compiles only when `Content` has an entry for every key: a code added to a list in
 * core/knowledge/ without its content fails here, not at run time.
 */
type Covering<Key extends string, Content extends Record<Key, unknown>> = Content;

/** Card text: what the bot says. */
export type AnswerContent = typeof enAnswer & {
  codes: Covering<KnownCodeKey, typeof enAnswer.codes>;
  exchangeOnline: Covering<ExchangeOnlineKey, typeof enAnswer.exchangeOnline>;
  socketError: Covering<WindowsSocketErrorKey, typeof enAnswer.socketError>;
};

/** Standard meanings of RFC 3463 classes, subjects and details. */
export type StatusCodeContent = typeof enRfc;
/** Vocabulary for reading messages: phrases separated by `|` (concepts: `core/understand/frames.ts`). */
export type UnderstandingContent = typeof enUnderstand;

export interface LanguageContent {
  answer: AnswerContent;
  rfc3463: StatusCodeContent;
  understand: UnderstandingContent;
}

export const CONTENT: Record<Locale, LanguageContent> = {
  en: { answer: enAnswer, rfc3463: enRfc, understand: enUnderstand },
  es: { answer: esAnswer, rfc3463: esRfc, understand: esUnderstand },
  'pt-BR': { answer: ptAnswer, rfc3463: ptRfc, understand: ptUnderstand },
  'zh-CN': { answer: zhAnswer, rfc3463: zhRfc, understand: zhUnderstand },
  it: { answer: itAnswer, rfc3463: itRfc, understand: itUnderstand },
  pl: { answer: plAnswer, rfc3463: plRfc, understand: plUnderstand },
};

/**
 * How people ask in languages the bot does not answer in (French, German, Dutch, Russian, Japanese,
 * Korean), by intent: read for what they ask only, never as a sign of the answer's language.
 */
export const UNSUPPORTED_LANGUAGE_INTENTS: readonly (typeof unsupportedLanguages)['fr'][] =
  Object.values(unsupportedLanguages);
