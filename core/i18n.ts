/**
 * One i18next instance holds the card text of all six languages. Each answer takes a fixed
 * translator for its own language (`getFixedT`); the shared instance's language is never changed,
 * so two users answered at once never get each other's language.
 */
import i18next, { type TFunction } from 'i18next';
import { CONTENT } from './content';
import { DEFAULT_LOCALE, LOCALES, type Locale } from './locales';

const instance = i18next.createInstance();
void instance.init({
  // Resources are bundled, so initialisation is synchronous and finishes before the first answer.
  initAsync: false,
  resources: Object.fromEntries(
    LOCALES.map((locale) => [locale, { answer: CONTENT[locale].answer, rfc3463: CONTENT[locale].rfc3463 }]),
  ),
  supportedLngs: [...LOCALES],
  fallbackLng: false,
  ns: ['answer', 'rfc3463'],
  defaultNS: 'answer',
  // Renderers escape for their own format; HTML escaping here would show "&amp;" in Slack and Teams.
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});

export interface Translator {
  /** The string at `key`, with `{{placeholders}}` filled in. */
  text(key: string, values?: Record<string, string>): string;
  /** The list at `key` (an array of strings in the locale file). */
  list(key: string): string[];
  /** Whether the language has the key: optional content such as a code's note. */
  has(key: string): boolean;
}

/**
 * Content never changes after start-up, so each string without placeholders is looked up in
 * i18next once and kept: an answer needs dozens of them, and i18next's lookup is the costliest part
 * of building one.
 */
function cachedTranslator(locale: Locale): Translator {
  const t: TFunction = instance.getFixedT(locale);
  const texts = new Map<string, string>();
  const lists = new Map<string, string[]>();
  return {
    text(key, values) {
      if (values) return t(key, values) as string;
      let text = texts.get(key);
      if (text === undefined) {
        text = t(key) as string;
        texts.set(key, text);
      }
      return text;
    },
    list(key) {
      let list = lists.get(key);
      if (list === undefined) {
        const value: unknown = t(key, { returnObjects: true });
        list = Array.isArray(value) ? value.map(String) : [];
        lists.set(key, list);
      }
      return [...list];
    },
    has: (key) => instance.exists(key, { lng: locale }),
  };
}

const translators = new Map<Locale, Translator>(LOCALES.map((locale) => [locale, cachedTranslator(locale)]));

export function translatorFor(locale: Locale): Translator {
  return translators.get(locale) ?? (translators.get(DEFAULT_LOCALE) as Translator);
}
