/**
 * The reading vocabulary of all six languages (`locales/<lng>/understand.json`), compiled once into
 * phrase matchers. Every message is matched against every language: someone with an English client
 * may well write "conexión rechazada".
 */
import { CONTENT } from '../content';
import { codeKey, KNOWN_CODES, type KnownCode } from '../knowledge/knownCodes';
import { LOCALES, type Locale } from '../locales';
import { PhraseMatcher, splitPhrases } from './phrases';

/** What a user can ask for in words (CONTRACT.md's intents less `unknown`). */
export const PHRASE_INTENTS = ['fix', 'explain', 'list', 'help', 'language'] as const;
export type PhraseIntent = (typeof PHRASE_INTENTS)[number];

function build<T>(collect: (locale: Locale) => Iterable<readonly [readonly string[], T]>): PhraseMatcher<T> {
  return new PhraseMatcher(LOCALES.flatMap((locale) => [...collect(locale)]));
}

function* phrasesOf<T>(entry: string, value: T): Iterable<readonly [readonly string[], T]> {
  for (const phrase of splitPhrases(entry)) yield [phrase, value];
}

/** Words that show which language a message is written in. */
export const languageMarkers = build((locale) => phrasesOf(CONTENT[locale].understand.markers, locale));

export const intentPhrases = build<PhraseIntent>(function* (locale) {
  const intents = CONTENT[locale].understand.intent;
  for (const intent of PHRASE_INTENTS) yield* phrasesOf(intents[intent], intent);
});

/** Descriptions of a symptom, each pointing at the code that raises it. */
export const symptomPhrases = build<KnownCode>(function* (locale) {
  const symptoms = CONTENT[locale].understand.symptom;
  for (const code of KNOWN_CODES) yield* phrasesOf(symptoms[codeKey(code)], code);
});

/** Names of the six languages, in each of them ("Spanish", "español", "西班牙语"). */
export const languageNames = build<Locale>(function* (locale) {
  const names = CONTENT[locale].understand.languageName;
  for (const named of LOCALES) yield* phrasesOf(names[named], named);
});

/** Words asking for the language to be chosen automatically again ("lang auto", "idioma automático"). */
export const automaticLanguageWords = build<'automatic'>((locale) =>
  phrasesOf(CONTENT[locale].understand.languageAuto, 'automatic'),
);
