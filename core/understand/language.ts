import { LOCALES, type Locale } from '../locales';
import { languageMarkers } from './vocabulary';

/** Letters that only some of the six languages use, and how strongly each shows the language. */
const LETTER_SIGNALS: readonly { pattern: RegExp; locale: Locale; weight: number }[] = [
  { pattern: /[\p{Script=Han}]/u, locale: 'zh-CN', weight: 3 },
  { pattern: /[¿¡ñ]/u, locale: 'es', weight: 2 },
  { pattern: /[ãõç]/iu, locale: 'pt-BR', weight: 2 },
  { pattern: /[ąćęłńśźż]/iu, locale: 'pl', weight: 2 },
  { pattern: /[àèìòù]/iu, locale: 'it', weight: 1 },
];

/**
 * English words are also the words of error messages and of most technical chat, so English needs
 * more evidence than the other languages before it counts as the language of the question.
 */
const MIN_SCORE: Record<Locale, number> = { en: 2, es: 1, 'pt-BR': 1, 'zh-CN': 1, it: 1, pl: 1 };

/**
 * The language the user wrote in, among the six, from their words (`userTokens`, folded) and letters; `undefined` when the words don't show it (a bare
 * code, a pasted English error) or two languages are equally likely and the client's isn't one of them.
 */
export function detectWrittenLanguage(
  userText: string,
  userTokens: readonly string[],
  options: { ignoreEnglish: boolean; clientLocale: Locale | undefined },
): Locale | undefined {
  const scores = new Map<Locale, number>(LOCALES.map((locale) => [locale, 0]));
  const add = (locale: Locale, weight: number) => scores.set(locale, (scores.get(locale) ?? 0) + weight);
  for (const match of languageMarkers.findAll(userTokens)) {
    for (const locale of match.values) add(locale, 1);
  }
  for (const signal of LETTER_SIGNALS) if (signal.pattern.test(userText)) add(signal.locale, signal.weight);
  if (options.ignoreEnglish) scores.set('en', 0);

  const qualified = LOCALES.filter((locale) => (scores.get(locale) ?? 0) >= MIN_SCORE[locale]);
  const best = Math.max(0, ...qualified.map((locale) => scores.get(locale) ?? 0));
  const leaders = qualified.filter((locale) => scores.get(locale) === best);
  if (leaders.length === 1) return leaders[0];
  return options.clientLocale && leaders.includes(options.clientLocale) ? options.clientLocale : undefined;
}
