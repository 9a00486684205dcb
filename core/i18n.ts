/**
 * One i18next instance holds the card text of all six languages. Each answer takes a fixed
 * translator for its own language (`getFixedT`); the shared instance's language is never changed,
 * so two users answered at once never get each other's language.
 */
import i18next, { type TFunction } from 'i18next';
import { CHECK_CONTENT } from './check/content';
import { CONTENT } from './content';
import { DEFAULT_LOCALE, LOCALES, type Locale } from './locales';
import { compileTemplate, type Template } from './template';

const instance = i18next.createInstance();
void instance.init({
  // Resources are bundled, so initialisation is synchronous and finishes before the first answer.
  initAsync: false,
  resources: Object.fromEntries(
    LOCALES.map((locale) => [
      locale,
      { answer: CONTENT[locale].answer, rfc3463: CONTENT[locale].rfc3463, check: CHECK_CONTENT[locale] },
    ]),
  ),
  supportedLngs: [...LOCALES],
  fallbackLng: false,
  ns: ['answer', 'rfc3463', 'check'],
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
 * Content never changes after start-up, so each key is looked up in i18next once and kept (as a
 * compiled template when it has placeholders): an answer needs dozens of strings, and i18next's
 * lookup and interpolation are the costliest part of building one.
 */
function cachedTranslator(locale: Locale): Translator {
  const t: TFunction = instance.getFixedT(locale);
  const templates = new Map<string, Template>();
  const lists = new Map<string, string[]>();
  const present = new Map<string, boolean>();
  return {
    text(key, values = {}) {
      let template = templates.get(key);
      if (template === undefined) {
        template = compileTemplate(t(key, { skipInterpolation: true }) as string);
        templates.set(key, template);
      }
      return template(values);
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
    has(key) {
      let found = present.get(key);
      if (found === undefined) {
        found = instance.exists(key, { lng: locale });
        present.set(key, found);
      }
      return found;
    },
  };
}

const translators = new Map<Locale, Translator>(LOCALES.map((locale) => [locale, cachedTranslator(locale)]));

export function translatorFor(locale: Locale): Translator {
  return translators.get(locale) ?? (translators.get(DEFAULT_LOCALE) as Translator);
}
