/**
 * The six answer languages, listed once (CONTRACT.md, "Supported languages"). Everything else that
 * names languages — the tags a user may type, how client locales and a language identifier's answers
 * map onto ours, the pickers' names — derives from this list.
 */
const LANGUAGES = [
  { tag: 'en', primarySubtag: 'en', autonym: 'English' },
  { tag: 'es', primarySubtag: 'es', autonym: 'Español' },
  { tag: 'pt-BR', primarySubtag: 'pt', autonym: 'Português (Brasil)' },
  { tag: 'zh-CN', primarySubtag: 'zh', autonym: '中文（简体）' },
  { tag: 'it', primarySubtag: 'it', autonym: 'Italiano' },
  { tag: 'pl', primarySubtag: 'pl', autonym: 'Polski' },
] as const;

type Language = (typeof LANGUAGES)[number];
export type Locale = Language['tag'];
/** ISO 639-1 code of one of the six languages: `pt` for pt-BR, `zh` for zh-CN. */
export type PrimarySubtag = Language['primarySubtag'];

type TagsOf<T extends readonly Language[]> = { readonly [K in keyof T]: T[K]['tag'] };
/** The six tags in the list's order, typed as a tuple: `['en', 'es', 'pt-BR', 'zh-CN', 'it', 'pl']`. */
export const LOCALES = LANGUAGES.map((language) => language.tag) as unknown as TagsOf<typeof LANGUAGES>;

export const DEFAULT_LOCALE: Locale = 'en';

/**
 * What a language command asks for: one of the six languages, or `automatic` (`lang auto`), which
 * forgets the stored choice so that the other rules choose the language again.
 */
export type LanguageChoice = Locale | 'automatic';

/** Each language's name in itself, for language pickers. */
export const AUTONYMS = Object.fromEntries(
  LANGUAGES.map((language) => [language.tag, language.autonym]),
) as Record<Locale, string>;

const BY_PRIMARY_SUBTAG: ReadonlyMap<string, Locale> = new Map(
  LANGUAGES.map((language) => [language.primarySubtag, language.tag]),
);

/** The language's ISO 639-1 code, as language identifiers and locale tags name it. */
export const primarySubtagOf = (locale: Locale): PrimarySubtag =>
  (LANGUAGES.find((language) => language.tag === locale) as Language).primarySubtag;

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
  return BY_PRIMARY_SUBTAG.get(primary);
}

/** A browser names at most a handful of languages; a longer header is read only this far. */
const MAX_ACCEPTED_LANGUAGES = 16;
const QUALITY = /^\s*q\s*=\s*(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)\s*$/i;

/**
 * The page language for a browser's `Accept-Language` (`pl-PL,pl;q=0.9,en;q=0.8`): the most
 * preferred tag that maps to one of the six languages, by the same mapping as a client locale;
 * English when none does. Languages with q=0 are ones the browser refuses.
 */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  const ranges = (header ?? '')
    .split(',', MAX_ACCEPTED_LANGUAGES)
    .map((part, order) => {
      const [tag = '', ...parameters] = part.split(';');
      const quality = parameters.map((parameter) => QUALITY.exec(parameter)?.[1]).find(Boolean);
      return { tag: tag.trim(), quality: quality === undefined ? 1 : Number(quality), order };
    })
    .filter((range) => range.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.order - b.order);
  for (const { tag } of ranges) {
    const locale = languageTagToLocale(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}
