/** Compiled templates fill in placeholders exactly as i18next would, for every string of every language. */
import i18next from 'i18next';
import { CONTENT } from '../../core/content';
import { LOCALES } from '../../core/locales';
import { compileTemplate } from '../../core/template';

test('a text without placeholders is returned as it is', () => {
  expect(compileTemplate('Connection refused')({})).toBe('Connection refused');
  expect(compileTemplate('')({ code: 'x' })).toBe('');
});

test('placeholders are filled in wherever they stand, as often as they occur', () => {
  const template = compileTemplate('{{code}} wraps {{inner}}; see {{code}}');
  expect(template({ code: '4.4.7', inner: '4.4.316' })).toBe('4.4.7 wraps 4.4.316; see 4.4.7');
});

test('values are inserted as they are, never read as placeholders themselves', () => {
  expect(compileTemplate('say {{text}}')({ text: '{{code}} $& $1' })).toBe('say {{code}} $& $1');
});

test('a value not given is left out', () => {
  expect(compileTemplate('[{{code}}]')({})).toBe('[]');
});

test.each(['{{ code }}', '{{- code}}', '{{code, number}}', '{{code', 'a {{}} b', '{{$t(other)}}'])(
  'refuses the unsupported form %s',
  (text) => {
    expect(() => compileTemplate(text)).toThrow(SyntaxError);
  },
);

type Strings = [key: string, text: string][];
const stringsOf = (value: unknown, prefix = ''): Strings =>
  typeof value === 'string'
    ? [[prefix, value]]
    : Array.isArray(value)
      ? []
      : Object.entries(value as object).flatMap(([key, child]) =>
          stringsOf(child, prefix ? `${prefix}.${key}` : key),
        );

describe.each([...LOCALES])('%s', (locale) => {
  const reference = i18next.createInstance();
  void reference.init({
    initAsync: false,
    resources: { [locale]: { answer: CONTENT[locale].answer, rfc3463: CONTENT[locale].rfc3463 } },
    lng: locale,
    ns: ['answer', 'rfc3463'],
    defaultNS: 'answer',
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  const strings = [
    ...stringsOf(CONTENT[locale].answer),
    ...stringsOf(CONTENT[locale].rfc3463).map(([key, text]): [string, string] => [`rfc3463:${key}`, text]),
  ];

  test('every string compiles and reads as i18next reads it', () => {
    const differing = strings.filter(([key, text]) => {
      const names = [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1] as string);
      const values = Object.fromEntries(names.map((name) => [name, `<${name} & ${name}>`]));
      return compileTemplate(text)(values) !== reference.t(key, values);
    });
    expect(differing.map(([key]) => key)).toEqual([]);
    expect(strings.length).toBeGreaterThan(100);
  });
});
