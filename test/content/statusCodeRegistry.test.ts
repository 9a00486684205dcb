/** The RFC 3463 meanings against IANA's registry of enhanced status codes, in every language. */
import { ask, LOCALES, renderPlainText } from '../../core';
import { CONTENT } from '../../core/content';
import { REGISTRY_CLASSES, REGISTRY_DETAILS, REGISTRY_SUBJECTS } from '../support/enhancedStatusRegistry';

/** `X.7.26` → `d7_26`, the key of a detail in rfc3463.json. */
const detailKey = (code: string) => `d${code.slice(2).replace('.', '_')}`;

describe.each([...LOCALES])('%s', (locale) => {
  const rfc = CONTENT[locale].rfc3463;

  test('has a meaning for every registered detail and for nothing else', () => {
    expect(Object.keys(rfc.detail).sort()).toEqual(REGISTRY_DETAILS.map(([code]) => detailKey(code)).sort());
  });

  test('has a meaning for every class and subject', () => {
    expect(Object.keys(rfc.class).sort()).toEqual(REGISTRY_CLASSES.map((c) => `c${c}`));
    expect(Object.keys(rfc.subject).sort()).toEqual(REGISTRY_SUBJECTS.map((s) => `s${s}`));
  });
});

test.each(REGISTRY_DETAILS)('English %s says what the registry says', (code, title) => {
  const meaning = CONTENT.en.rfc3463.detail[detailKey(code) as keyof typeof CONTENT.en.rfc3463.detail];
  if (title === '') expect(meaning).toContain('duplicate of X.6.8');
  else expect(meaning.toLowerCase()).toBe(title.toLowerCase());
});

test('a registered code past the old table is explained, not called unregistered', () => {
  const text = renderPlainText(ask('what does 5.7.26 mean?').answer);
  expect(text).toContain('Detail 26: multiple authentication checks failed.');
  expect(text).not.toContain("isn't a registered code");
});

test('class 4 is a temporary failure that a later attempt may fix, not "the sender keeps retrying"', () => {
  const text = renderPlainText(ask('4.4.7').answer);
  expect(text).toContain('Class 4: a temporary failure; a later attempt may succeed.');
  expect(text).not.toContain('keeps retrying');
});

test('X.7.12 is a password transition in Polish, not a password change', () => {
  expect(CONTENT.pl.rfc3463.detail.d7_12).toContain('przejście hasła');
  expect(CONTENT.pl.rfc3463.detail.d7_12).not.toContain('zmiana hasła');
});
