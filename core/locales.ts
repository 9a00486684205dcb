/** The six answer languages and how other locale tags map onto them (CONTRACT.md, "Supported languages"). */
export const LOCALES = ['en', 'es', 'pt-BR', 'zh-CN', 'it', 'pl'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

/**
 * What a language command asks for: one of the six languages, or `automatic` (`lang auto`), which
 * forgets the stored choice so that the other rules choose the language again.
 */
export type LanguageChoice = Locale | 'automatic';

/** Each language's name in itself, for language pickers. */
export const AUTONYMS: Record<Locale, string> = {
  en: 'English',
  es: 'Español',
  'pt-BR': 'Português (Brasil)',
  'zh-CN': '中文（简体）',
  it: 'Italiano',
  pl: 'Polski',
};

const BY_PRIMARY_SUBTAG: Record<string, Locale> = {
  en: 'en',
  es: 'es',
  pt: 'pt-BR',
  zh: 'zh-CN',
  it: 'it',
  pl: 'pl',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Maps a client locale (Teams `activity.locale`, a Slack user's locale, `--locale`) to an answer
 * language: `es-*` → es, `pt-*` → pt-BR, `zh-*` → zh-CN, `it-*` → it, `pl-*` → pl, anything else → en.
 * Accepts both `pt-BR` and Slack's `pt_BR` spelling.
 */
export function toAnswerLocale(clientLocale: string | undefined | null): Locale {
  return languageTagToLocale(clientLocale) ?? DEFAULT_LOCALE;
}

/** Like {@link toAnswerLocale}, but `undefined` for a tag that names none of the six languages. */
export function languageTagToLocale(tag: string | undefined | null): Locale | undefined {
  if (!tag) return undefined;
  const primary = tag.trim().split(/[-_]/, 1)[0]?.toLowerCase() ?? '';
  return BY_PRIMARY_SUBTAG[primary];
}
