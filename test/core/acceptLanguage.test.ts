/** A browser's Accept-Language to the page language, by the contract's client-locale mapping. */
import { localeFromAcceptLanguage } from '../../core';

test.each([
  [undefined, 'en'],
  ['', 'en'],
  ['es-MX,es;q=0.9,en;q=0.8', 'es'],
  ['pt-PT', 'pt-BR'],
  ['zh-TW,zh;q=0.9', 'zh-CN'],
  ['de-DE,de;q=0.9,pl;q=0.8,en;q=0.7', 'pl'],
  ['en;q=0.5, it;q=0.9', 'it'],
  ['it;q=0, es', 'es'],
  ['fr-FR, *;q=0.5', 'en'],
  ['pl-PL;q=1.0, en-US;q=1', 'pl'],
  ['es;q=abc', 'es'],
  ['  PL  ', 'pl'],
])('%j → %s', (header, locale) => {
  expect(localeFromAcceptLanguage(header)).toBe(locale);
});

test('a very long header is read only to its first entries, and quickly', () => {
  const header = `${'de;q=0.9,'.repeat(50_000)}es`;
  expect(localeFromAcceptLanguage(header)).toBe('en');
});
