/**
 * Answers to offer for a search typed in a compose box (Teams' message extension): a code or a
 * symptom gives its answer (and, with several codes, one per code); nothing typed yet, or "list",
 * gives the mail flow intelligence codes.
 */
import { type Answer, type AnswerRequest, KNOWN_CODES } from '../../core';
import { type Locales, preferredLocale } from './answering';
import type { CoreApi } from './core';

const explainCode = (code: string): AnswerRequest => ({ intent: 'explain', codes: [{ code }], details: {} });

export function searchAnswers(core: CoreApi, text: string, locales: Locales): Answer[] {
  if (!text) {
    const locale = preferredLocale(locales);
    // Offered before the user types anything: the mail flow intelligence codes.
    return KNOWN_CODES.map((code) => core.answerAgain(explainCode(code), locale));
  }
  const { answer } = core.ask(text, { clientLocale: locales.client, chosenLocale: locales.chosen });
  if (answer.intent === 'list') {
    return KNOWN_CODES.map((code) => core.answerAgain(explainCode(code), answer.locale));
  }
  const { codes } = answer.request;
  if (codes.length === 0) return [];
  // Several codes: the whole answer first, then each code on its own card. Codes the core answers
  // as one topic (5.4.316 with its cause 4.4.316) give the same title, and a picker shows only
  // titles, so a title already offered is not offered again.
  const candidates = [
    answer,
    ...codes.map((mention) => core.answerAgain({ ...answer.request, codes: [mention] }, answer.locale)),
  ];
  const titles = new Set<string>();
  return candidates.filter((candidate) => !titles.has(candidate.title) && titles.add(candidate.title));
}
