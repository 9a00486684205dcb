/** Every language is first class: same keys, same list lengths, no empty text, same placeholders. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES } from '../core/locales';

const ROOT = join(__dirname, '..', 'locales');
const FILES = ['answer.json', 'rfc3463.json', 'understand.json', 'check.json', 'install.json'];
const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;

type Flat = Map<string, string>;

function flatten(value: unknown, prefix: string, into: Flat): Flat {
  if (typeof value === 'string') into.set(prefix, value);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
  } else into.set(prefix, String(value));
  return into;
}

const load = (locale: string, file: string): Flat =>
  flatten(JSON.parse(readFileSync(join(ROOT, locale, file), 'utf8')), '', new Map());

const placeholders = (text: string): string[] =>
  [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '').sort();

test('the locales folder holds exactly the six languages', () => {
  const folders = readdirSync(ROOT, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  expect(folders.map((entry) => entry.name).sort()).toEqual([...LOCALES].sort());
});

describe.each(FILES)('%s', (file) => {
  const english = load('en', file);

  test.each(LOCALES.filter((locale) => locale !== 'en'))(
    '%s has every key of English and no other',
    (locale) => {
      expect([...load(locale, file).keys()].sort()).toEqual([...english.keys()].sort());
    },
  );

  test.each([...LOCALES])('%s has no empty text', (locale) => {
    const empty = [...load(locale, file)].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  test.each(LOCALES.filter((locale) => locale !== 'en'))(
    '%s uses the same placeholders as English',
    (locale) => {
      const translated = load(locale, file);
      const mismatched = [...english]
        .filter(
          ([key, text]) =>
            JSON.stringify(placeholders(translated.get(key) ?? '')) !== JSON.stringify(placeholders(text)),
        )
        .map(([key]) => key);
      expect(mismatched).toEqual([]);
    },
  );
});

test.each([...LOCALES])('%s keeps bold markers paired', (locale) => {
  const unpaired = [...load(locale, 'answer.json'), ...load(locale, 'check.json')].filter(
    ([, text]) => (text.split('**').length - 1) % 2 !== 0,
  );
  expect(unpaired.map(([key]) => key)).toEqual([]);
});
