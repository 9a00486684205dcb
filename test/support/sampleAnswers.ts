/** A spread of answers that every renderer must handle: each intent, each language, the pastes. */
import { type Answer, ask, LOCALES } from '../../core';
import { PASTES } from './pastes';

const QUESTIONS = [
  'what does 4.4.316 mean?',
  'how do I fix 4.7.320?',
  '4.4.312 4.4.315 4.4.317 4.4.318 5.7.1 4.4.999',
  'what does 5.4.1 mean?',
  'list',
  'help',
  'language',
  'lang pl',
  'check mail.contoso.com',
  'asdfgh',
  ...Object.values(PASTES),
];

export const SAMPLE_ANSWERS: { name: string; answer: Answer }[] = LOCALES.flatMap((locale) =>
  QUESTIONS.map((question) => ({
    name: `${locale}: ${question.slice(0, 40)}`,
    answer: ask(question, { chosenLocale: locale }).answer,
  })),
);

/** A paste crafted to ping, link and inject markup wherever it is shown. */
export const HOSTILE_PASTE =
  '450 4.4.316 Connection refused [Message=<!channel> <!here> <@U123> <https://evil.example|click> [click](https://evil.example) **bold** <at>Everyone</at> &amp; \u001b[31m]';
