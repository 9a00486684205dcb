/** The parser never throws and always answers, whatever a stranger sends. */
import fc from 'fast-check';
import { ask, LOCALES } from '../../core';
import { understand } from '../../core/understand';

const INTENTS = ['explain', 'fix', 'list', 'help', 'language', 'unknown'];

/** Pieces that stress the scanners: near-codes, quote markers, hosts, brackets, scripts. */
const FRAGMENTS = [
  '4.4.316',
  '4.4.',
  '4.',
  '5.7.1',
  '450 ',
  '[Message=',
  '{FQDN=',
  '{IP=',
  'LastAttemptedIP=',
  '192.0.2.1:25',
  'Server at ',
  'mail.contoso.com',
  ' (',
  ')',
  ']',
  '\n',
  '**',
  '<!channel>',
  '连接被拒绝',
  'ąę',
  '¿',
  '.',
  ':',
  '=',
  'a'.repeat(70),
  '9'.repeat(40),
  'connect to ',
  '[',
  '::',
  'version ',
];

const adversarial = fc
  .array(fc.constantFrom(...FRAGMENTS), { maxLength: 400 })
  .map((parts) => parts.join(''));
const anyText = fc.oneof(
  fc.string({ maxLength: 2000 }),
  fc.fullUnicodeString({ maxLength: 2000 }),
  adversarial,
);

test('understand never throws and returns a well-formed result', () => {
  fc.assert(
    fc.property(anyText, (text) => {
      const result = understand(text);
      expect(INTENTS).toContain(result.intent);
      for (const mention of result.codes) expect(mention.code).toMatch(/^[245]\.[0-7]\.\d{1,3}$/);
      if (result.writtenIn) expect(LOCALES).toContain(result.writtenIn);
    }),
    { numRuns: 500 },
  );
});

test('a whole answer is built for any input and any client locale', () => {
  fc.assert(
    fc.property(anyText, fc.string({ maxLength: 20 }), (text, clientLocale) => {
      const { answer } = ask(text, { clientLocale });
      expect(LOCALES).toContain(answer.locale);
      expect(answer.title.length).toBeGreaterThan(0);
    }),
    { numRuns: 300 },
  );
});

test('inputs far over the bound are read only up to it', () => {
  const huge = adversarial.map((text) => text.repeat(50));
  fc.assert(
    fc.property(huge, (text) => {
      expect(() => understand(text)).not.toThrow();
    }),
    { numRuns: 30 },
  );
});
