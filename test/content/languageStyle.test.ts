/** Each language written as Microsoft's own UI writes it: its terms, one form of address, its typography. */
import { ask, LOCALES, type Locale } from '../../core';
import { CONTENT } from '../../core/content';

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

const answerText = (locale: Locale): string[] => strings(CONTENT[locale].answer);
const matching = (locale: Locale, pattern: RegExp) => answerText(locale).filter((text) => pattern.test(text));

test('Spanish and Portuguese say the subject of a certificate, not the subject of an email', () => {
  expect(CONTENT.es.answer.codes.c4_7_320.causes[1]).toContain('sujeto del certificado');
  expect(CONTENT['pt-BR'].answer.codes.c4_7_320.causes[1]).toContain('requerente do certificado');
  expect(matching('es', /\basunto\b/i)).toEqual([]);
  expect(matching('pt-BR', /\bassunto\b/i)).toEqual([]);
});

test('smart host is called what Microsoft’s UI calls it in Spanish, Portuguese and Polish', () => {
  for (const locale of ['es', 'pt-BR', 'pl'] as const) expect(matching(locale, /smart host/i)).toEqual([]);
  expect(matching('es', /host inteligente/).length).toBeGreaterThan(2);
  expect(matching('pt-BR', /host inteligente/).length).toBeGreaterThan(2);
  expect(matching('pl', /host\w* inteligentn/).length).toBeGreaterThan(2);
});

test('one form of address per language, as Microsoft’s UI: tú, você, tu, 你, Ty', () => {
  expect(matching('es', /\busted(es)?\b|\bsu organizaci|\bsus servidores/i)).toEqual([]);
  expect(matching('pt-BR', /\b(tu|teu|tua|teus|tuas|contigo)\b/i)).toEqual([]);
  expect(matching('it', /\b(Lei|Suo|Sua|Suoi|Sue)\b/)).toEqual([]);
  expect(matching('zh-CN', /您/)).toEqual([]);
  // Polish addresses the reader as Ty, and Microsoft's Polish UI writes its forms capitalized.
  expect(
    matching('pl', /(^|[^\p{L}])(twój|twoja|twoje|twojego|twojej|twoim|twoich|twoją)(?![\p{L}])/u),
  ).toEqual([]);
});

test('Polish UI paths read "przejdź do pozycji …"', () => {
  const paths = matching('pl', /\*\*[^*]+\*\* > \*\*/);
  expect(paths.length).toBeGreaterThan(0);
  for (const text of paths) expect(text).toMatch(/przejdź do pozycji \*\*[^*]+\*\* > \*\*/);
});

describe('Chinese typography', () => {
  const chinese = answerText('zh-CN');
  const CJK = '\\p{Script=Han}';

  test('full-width punctuation next to Chinese text', () => {
    const halfWidth = new RegExp(`${CJK}[,;:!?()]|[,;:!?()]${CJK}`, 'u');
    expect(chinese.filter((text) => halfWidth.test(text))).toEqual([]);
  });

  test('a space between Chinese and Latin letters or digits', () => {
    const touching = new RegExp(`${CJK}[A-Za-z0-9]|[A-Za-z0-9]${CJK}`, 'u');
    expect(chinese.filter((text) => touching.test(text))).toEqual([]);
  });
});

/** How each language names itself in the middle of a sentence. */
const LANGUAGE_IN_A_SENTENCE: Record<Locale, string> = {
  en: 'in English',
  es: 'en español',
  'pt-BR': 'em português',
  'zh-CN': '用中文',
  it: 'in italiano',
  pl: 'po polsku',
};

test.each([...LOCALES])('%s: the language command names the language as a sentence does', (locale) => {
  const tag = locale.split('-')[0] ?? locale;
  const { answer } = ask(`lang ${tag}`);
  expect(answer.locale).toBe(locale);
  expect(answer.summary).toContain(LANGUAGE_IN_A_SENTENCE[locale]);
});

test.each([...LOCALES])('%s: the help examples are in the language’s own words, and each works', (locale) => {
  const [meaning, symptom, list, language, check] = CONTENT[locale].answer.help.examples;
  const asked = (text = '') => ask(text, { clientLocale: locale });
  expect(asked(meaning).answer).toMatchObject({ intent: 'explain', codes: ['4.4.316'], locale });
  expect(asked(symptom).answer).toMatchObject({ intent: 'explain', codes: ['4.7.320'], locale });
  expect(asked(list).answer).toMatchObject({ intent: 'list', locale });
  const switched = asked(language);
  expect(switched.answer.intent).toBe('language');
  expect(switched.understanding.requestedLocale).toBe(locale === 'en' ? 'es' : 'en');
  expect(asked(check).answer).toMatchObject({
    intent: 'check',
    locale,
    details: { server: 'mail.contoso.com' },
  });
  if (locale !== 'en') expect(CONTENT[locale].answer.help.examples).not.toContain('list');
});
