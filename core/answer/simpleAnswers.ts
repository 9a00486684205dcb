/** The answers that are about no code: the list of known codes, help, the language command, nothing found. */
import type { Translator } from '../i18n';
import { codeKey, KNOWN_CODES } from '../knowledge/knownCodes';
import type { LanguageChoice } from '../locales';
import type { AnswerBody } from './body';

export function listAnswer(t: Translator): AnswerBody {
  const items = KNOWN_CODES.map((code) => `${code} ${t.text(`codes.${codeKey(code)}.title`)}`);
  return {
    title: t.text('list.title'),
    summary: t.text('overview.summary'),
    sections: [
      {
        id: 'codes',
        title: t.text('overview.codesIntro'),
        blocks: [
          { kind: 'list', ordered: false, items },
          { kind: 'paragraph', text: t.text('list.footer') },
        ],
      },
    ],
    links: ['connectors', 'article'],
  };
}

export function helpAnswer(t: Translator): AnswerBody {
  return {
    title: t.text('help.title'),
    summary: t.text('help.body'),
    sections: [
      {
        id: 'overview',
        title: t.text('overview.title'),
        blocks: [{ kind: 'paragraph', text: t.text('overview.summary') }],
      },
      {
        id: 'examples',
        title: '',
        blocks: [{ kind: 'list', ordered: false, items: t.list('help.examples') }],
      },
    ],
    links: ['article'],
  };
}

export function unknownAnswer(t: Translator): AnswerBody {
  return {
    title: t.text('unknown.title'),
    summary: t.text('unknown.body'),
    sections: [],
    links: ['article'],
  };
}

/**
 * `requested`: the language the command chose. The answer is already in it, so the confirmation names
 * the language in its own words, as a sentence in that language does ("en español", "po polsku").
 */
export function languageAnswer(t: Translator, requested: LanguageChoice | undefined): AnswerBody {
  const summary =
    requested === undefined
      ? t.text('language.pick')
      : requested === 'automatic'
        ? t.text('language.automatic')
        : t.text('language.changed');
  return { title: t.text('language.title'), summary, sections: [], links: [] };
}
