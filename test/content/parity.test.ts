/**
 * Every language gives the same answer: the same sections in the same folds, the same blocks, the
 * same number of steps numbered alike, the same commands. Only the words differ.
 */
import {
  type Answer,
  type AnswerRequest,
  answerAgain,
  ask,
  type Block,
  KNOWN_CODES,
  LOCALES,
} from '../../core';
import { PASTES } from '../support/pastes';

/** An answer with its words left out. */
function shape(answer: Answer) {
  const blockShape = (block: Block) => {
    switch (block.kind) {
      case 'paragraph':
      case 'note':
        return { kind: block.kind };
      case 'list':
        return { kind: block.kind, ordered: block.ordered, items: block.items.length, start: block.start };
      case 'facts':
        return { kind: block.kind, facts: block.facts.map((fact) => fact.value) };
      case 'command':
        return { kind: block.kind, command: block.command };
    }
  };
  return {
    codes: answer.codes,
    sections: answer.sections.map((section) => ({
      id: section.id,
      fold: section.fold,
      titled: section.title !== '',
      blocks: section.blocks.map(blockShape),
    })),
    folds: answer.folds.map(({ id, open }) => ({ id, open })),
    links: answer.links.map((link) => link.target),
  };
}

const explain = (code: string): AnswerRequest => ({ intent: 'explain', codes: [{ code }], details: {} });

const REQUESTS: [string, AnswerRequest][] = [
  ...KNOWN_CODES.flatMap((code): [string, AnswerRequest][] => [
    [`what is ${code}`, explain(code)],
    [`how to fix ${code}`, { ...explain(code), intent: 'fix' }],
    [`${code} expired`, explain(`5${code.slice(1)}`)],
  ]),
  ['4.4.316, servers retired', { ...explain('4.4.316'), onPremisesRetired: true }],
  ['5.4.1, Exchange Online meaning', explain('5.4.1')],
  ['5.7.26, registered', explain('5.7.26')],
  ['5.7.999, unregistered', explain('5.7.999')],
  ...Object.entries(PASTES).map(([name, paste]): [string, AnswerRequest] => [
    name,
    ask(paste).answer.request,
  ]),
  ['list', { intent: 'list', codes: [], details: {} }],
  ['help', { intent: 'help', codes: [], details: {} }],
];

describe.each(REQUESTS)('%s', (_name, request) => {
  const english = shape(answerAgain(request, 'en'));

  test.each(LOCALES.filter((locale) => locale !== 'en'))(
    '%s has the same sections and steps as English',
    (locale) => {
      expect(shape(answerAgain(request, locale))).toEqual(english);
    },
  );
});
