/**
 * Understanding a chat message: a pure, synchronous function of the text and the client's locale.
 * Every step is one pass (or a fixed number of passes) over input bounded to 16 KB.
 */
import { type LanguageChoice, type Locale, languageTagToLocale } from '../locales';
import { checkUnderstanding, readCheckRequest } from './checkRequest';
import { type PastedDetails, readPastedDetails } from './details';
import { detectWrittenLanguage } from './language';
import { foldForMatching, normalizeMessage } from './normalize';
import { tokenize } from './phrases';
import { type CodeMention, findStatusCodes } from './statusCodes';
import { separateUserWords } from './userWords';
import {
  automaticLanguageWords,
  intentPhrases,
  languageNames,
  type PhraseIntent,
  symptomPhrases,
} from './vocabulary';

/** `check`: the user asks the bot to check a named mail server now (`details.server`). */
export type Intent = PhraseIntent | 'check' | 'unknown';

export interface Understanding {
  intent: Intent;
  /** Distinct codes in order of first appearance; from the text, or else implied by a symptom. */
  codes: CodeMention[];
  details: PastedDetails;
  /** The language the user wrote in, where their words show it. */
  writtenIn?: Locale;
  /**
   * With the `language` intent: the language asked for, where the message names one, or `automatic`
   * where it asks for the language to be chosen by the rules again.
   */
  requestedLocale?: LanguageChoice;
}

export interface UnderstandOptions {
  /** The client's locale (Teams `activity.locale`, Slack user locale), already mapped. */
  clientLocale?: Locale;
}

/** Language tags typed after a language command: "lang pl", "language pt-BR". */
const LANGUAGE_TAG = /(?:^|[\s:,])(en|es|pt(?:[-_]br)?|zh(?:[-_]cn)?|it|pl)(?=$|[\s.,!?])/i;

function distinctByCode(mentions: readonly CodeMention[]): CodeMention[] {
  const seen = new Set<string>();
  return mentions.filter((mention) => !seen.has(mention.code) && seen.add(mention.code));
}

function impliedCodes(text: string): CodeMention[] {
  const codes = symptomPhrases.findAll(tokenize(foldForMatching(text))).flatMap((match) => match.values);
  return distinctByCode(codes.map((code) => ({ code })));
}

function requestedLanguage(userText: string, userTokens: readonly string[]): LanguageChoice | undefined {
  const named = languageNames.findAll(userTokens)[0]?.values[0];
  const requested = named ?? languageTagToLocale(LANGUAGE_TAG.exec(userText)?.[1]);
  if (requested) return requested;
  return automaticLanguageWords.findAll(userTokens).length > 0 ? 'automatic' : undefined;
}

function chooseIntent(
  found: ReadonlySet<PhraseIntent>,
  hasCodes: boolean,
  requested: LanguageChoice | undefined,
): Intent {
  if (found.has('language') && (requested !== undefined || !hasCodes)) return 'language';
  if (hasCodes) return found.has('fix') ? 'fix' : 'explain';
  for (const intent of ['list', 'help', 'fix', 'explain'] as const) if (found.has(intent)) return intent;
  return 'unknown';
}

export function understand(message: string, options: UnderstandOptions = {}): Understanding {
  const text = normalizeMessage(message);
  const checkRequest = readCheckRequest(text);
  if (checkRequest) return checkUnderstanding(checkRequest, options.clientLocale);
  const userWords = separateUserWords(text);
  const userTokens = tokenize(foldForMatching(userWords.text));

  const written = findStatusCodes(text);
  const codes = written.length > 0 ? distinctByCode(written) : impliedCodes(text);
  const found = new Set(intentPhrases.findAll(userTokens).flatMap((match) => match.values));
  const requested = found.has('language') ? requestedLanguage(userWords.text, userTokens) : undefined;
  const intent = chooseIntent(found, codes.length > 0, requested);
  const writtenIn = detectWrittenLanguage(userWords.text, userTokens, {
    ignoreEnglish: userWords.containsReport,
    clientLocale: options.clientLocale,
  });
  return {
    intent,
    codes: intent === 'language' ? [] : codes,
    details: readPastedDetails(text),
    ...(writtenIn ? { writtenIn } : {}),
    ...(intent === 'language' && requested ? { requestedLocale: requested } : {}),
  };
}
