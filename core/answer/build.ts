/**
 * Builds the channel-neutral answer for a request, in one language. One way down: this file picks
 * the kind of answer (`codeAnswer`, `simpleAnswers`), which build their sections from the modules
 * below them, and then adds what every answer has: links, control labels and the folds.
 */
import { checkAskBody } from '../check/askAnswer';
import { parseCheckTarget } from '../check/target';
import { type Translator, translatorFor } from '../i18n';
import { linkUrl } from '../knowledge/links';
import type { LanguageChoice, Locale } from '../locales';
import type { Intent } from '../understand';
import type { AnswerBody } from './body';
import { codeAnswer } from './codeAnswer';
import {
  type Answer,
  type CheckOffer,
  FOLD_IDS,
  type Fold,
  type FoldId,
  type Link,
  type Section,
} from './model';
import type { AnswerRequest } from './request';
import { helpAnswer, languageAnswer, listAnswer, unknownAnswer } from './simpleAnswers';

function body(
  t: Translator,
  locale: Locale,
  request: AnswerRequest,
  requested: LanguageChoice | undefined,
): AnswerBody {
  switch (request.intent) {
    case 'explain':
    case 'fix':
      return codeAnswer(t, locale, request) ?? unknownAnswer(t);
    case 'list':
      return listAnswer(t);
    case 'help':
      return helpAnswer(t);
    case 'language':
      return languageAnswer(t, requested);
    case 'check':
      return checkAskBody(t, request);
    case 'unknown':
      return unknownAnswer(t);
  }
}

/** The fold that holds what the user asked for, open from the start: "how do I fix…" opens the steps. */
const OPEN_FOR: Partial<Record<Intent, FoldId>> = { fix: 'steps' };

/** The first screen's sections in their order, then each fold's sections, folds in `FOLD_IDS` order. */
function inLayoutOrder(sections: readonly Section[]): Section[] {
  const rank = (section: Section) => (section.fold === undefined ? -1 : FOLD_IDS.indexOf(section.fold));
  // Array.prototype.sort is stable, so sections keep their order within the first screen and each fold.
  return [...sections].sort((a, b) => rank(a) - rank(b));
}

function foldsOf(t: Translator, intent: Intent, sections: readonly Section[]): Fold[] {
  return FOLD_IDS.filter((id) => sections.some((section) => section.fold === id)).map((id) => ({
    id,
    label: t.text(`folds.${id}`),
    open: OPEN_FOR[intent] === id,
  }));
}

/**
 * An answer about an error whose paste named the server (or only its address) offers to check that
 * server live; the name is validated as a check target first, since it came from the user's text.
 */
function checkOffer(t: Translator, request: AnswerRequest): CheckOffer | undefined {
  if (request.intent !== 'explain' && request.intent !== 'fix') return undefined;
  const named = request.details.server ?? request.details.ip;
  const target = named === undefined ? undefined : parseCheckTarget(named);
  return target && { host: target.host, label: t.text('actions.checkServer') };
}

/**
 * The answer to `request` in `locale`. `requestedLocale` is the language a language command asked
 * for (the answer to it is already in that language).
 */
export function buildAnswer(
  request: AnswerRequest,
  locale: Locale,
  requestedLocale?: LanguageChoice,
): Answer {
  const t = translatorFor(locale);
  const { title, summary, sections, links } = body(t, locale, request, requestedLocale);
  const check = checkOffer(t, request);
  return {
    locale,
    intent: request.intent,
    codes: request.codes.map(({ code }) => code),
    details: request.details,
    title,
    summary,
    sections: inLayoutOrder(sections),
    folds: foldsOf(t, request.intent, sections),
    links: links.map(
      (target): Link => ({ target, label: t.text(`actions.${target}`), url: linkUrl(target, locale) }),
    ),
    controls: {
      language: t.text('actions.language'),
      share: t.text('actions.share'),
      more: t.text('actions.more'),
    },
    request,
    ...(check ? { check } : {}),
  };
}
