/**
 * The reading vocabulary of all six languages (`locales/<lng>/understand.json`) other than the
 * concepts, compiled once into phrase matchers. Every message is matched against every language.
 */
import { CONTENT, UNSUPPORTED_LANGUAGE_INTENTS } from '../content';
import { LOCALES, type Locale } from '../locales';
import { splitPhrases, tokenize } from './phrases';
import type { SegmentVocabulary } from './segments';
import { VocabularyMatcher } from './vocabularyMatcher';
import { PREFIX_FORM } from './wordForms';

/** What a user can ask for in words (CONTRACT.md's intents less `unknown`). */
export const PHRASE_INTENTS = ['fix', 'explain', 'list', 'help', 'language'] as const;
export type PhraseIntent = (typeof PHRASE_INTENTS)[number];

/** Phrases of every language, each word read as the beginning of a word ("rechaz" → "rechazada"). */
function build<T>(
  collect: (locale: Locale) => Iterable<readonly [readonly string[], T]>,
): VocabularyMatcher<T> {
  return new VocabularyMatcher(
    LOCALES.flatMap((locale) => [...collect(locale)]),
    PREFIX_FORM,
  );
}

function* phrasesOf<T>(entry: string, value: T): Iterable<readonly [readonly string[], T]> {
  for (const phrase of splitPhrases(entry)) yield [phrase, value];
}

/**
 * Words that show which language a message is written in: each language's cue words, and those of
 * the words it asks with (its intents and language names) that no other language shares ("elenco"
 * is Italian; "lista" could be Spanish, Portuguese or Polish). English commands ("help", "lang es")
 * are typed in every language, so only its cue words count. How people ask in the languages the
 * bot does not answer in ("was kannst du", "que signifie") shows `other`. Read with `findEvery`, so
 * that one language's longer phrase hides no other's.
 */
export const languageMarkers: VocabularyMatcher<Locale | 'other'> = (() => {
  const askingWords = (locale: Locale) => {
    const { intent, languageName } = CONTENT[locale].understand;
    return [...Object.values(intent), ...Object.values(languageName)].flatMap(splitPhrases);
  };
  const key = (phrase: readonly string[]) => phrase.join(' ');
  const sharedBy = new Map<string, number>();
  for (const locale of LOCALES) {
    for (const phrase of new Set(askingWords(locale).map(key)))
      sharedBy.set(phrase, (sharedBy.get(phrase) ?? 0) + 1);
  }
  const ours: (readonly [string[], Locale | 'other'])[] = LOCALES.flatMap((locale) => {
    const own =
      locale === 'en' ? [] : askingWords(locale).filter((phrase) => sharedBy.get(key(phrase)) === 1);
    return [...splitPhrases(CONTENT[locale].understand.markers), ...own].map(
      (phrase) => [phrase, locale] as const,
    );
  });
  const known = new Set([...sharedBy.keys(), ...ours.map(([phrase]) => key(phrase))]);
  const others = UNSUPPORTED_LANGUAGE_INTENTS.flatMap((intents) =>
    Object.values(intents).flatMap(splitPhrases),
  )
    .filter((phrase) => !known.has(key(phrase)))
    .map((phrase) => [phrase, 'other'] as const);
  return new VocabularyMatcher([...ours, ...others], PREFIX_FORM);
})();

/** What the user asks for, in the six languages and in the others people write to the bot in. */
export const intentPhrases = new VocabularyMatcher<PhraseIntent>(
  [...LOCALES.map((locale) => CONTENT[locale].understand.intent), ...UNSUPPORTED_LANGUAGE_INTENTS].flatMap(
    (intents) => PHRASE_INTENTS.flatMap((intent) => [...phrasesOf(intents[intent], intent)]),
  ),
  PREFIX_FORM,
);

/** Names of the six languages, in each of them ("Spanish", "español", "西班牙语"). */
export const languageNames = build<Locale>(function* (locale) {
  const names = CONTENT[locale].understand.languageName;
  for (const named of LOCALES) yield* phrasesOf(names[named], named);
});

/** Words asking for the language to be chosen automatically again ("lang auto", "idioma automático"). */
export const automaticLanguageWords = build<'automatic'>((locale) =>
  phrasesOf(CONTENT[locale].understand.languageAuto, 'automatic'),
);

/** Phrases that only a generated report (an NDR, a queue viewer) contains, in each language. */
const reportPhrases = build((locale) => phrasesOf(CONTENT[locale].understand.report, locale));

/** Words of the error text that servers write in English. */
export const ENGLISH_ERROR_WORDS: ReadonlySet<string> = new Set(
  splitPhrases(CONTENT.en.understand.errorText).flat(),
);

/** Words of error text in each language: what follows a code in a pasted error line. */
const ERROR_WORDS: ReadonlySet<string> = new Set(
  LOCALES.flatMap((locale) => splitPhrases(CONTENT[locale].understand.errorText).flat()),
);

/**
 * Words that the other languages' vocabularies share with English ("firewall", "smart host", "TLS",
 * "Exchange"): IT chat borrows them in every language, so they show none.
 */
export const LOANWORDS: ReadonlySet<string> = (() => {
  const wordsOf = (locale: Locale) =>
    new Set(
      Object.values(CONTENT[locale].understand.concepts).flatMap((entry) => splitPhrases(entry).flat()),
    );
  const english = wordsOf('en');
  const others = LOCALES.filter((locale) => locale !== 'en').map(wordsOf);
  // Short words shared by chance ("a", "in", "non") are function words, not loans; acronyms are loans.
  const loan = (word: string) => word.length >= 4 || !/[aeiouy]/.test(word);
  return new Set([...english].filter((word) => loan(word) && others.some((words) => words.has(word))));
})();

export const SEGMENT_VOCABULARY: SegmentVocabulary = {
  isReportLine: (foldedLine) => reportPhrases.findAll(tokenize(foldedLine)).length > 0,
  isErrorWord: (word) => ERROR_WORDS.has(word),
};
