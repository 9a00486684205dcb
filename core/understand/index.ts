/**
 * Understanding a chat message: a pure, synchronous function of the text, the client's locale and
 * the language model loaded at start. Every step is one pass (or a fixed number of passes) over
 * input bounded to 16 KB.
 */
import type { KnownCode } from '../knowledge/knownCodes';
import { type LanguageChoice, LOCALES, type Locale, languageTagToLocale, primarySubtagOf } from '../locales';
import { checkUnderstanding, readCheckRequest } from './checkRequest';
import { conceptHeads, findConcepts, mayMention } from './concepts';
import { type PastedDetails, readPastedDetails } from './details';
import { FIX_TOPIC_CONCEPTS, NO_FRAMES, readFrames } from './frames';
import { identifyLanguage, identifyPastedLanguage } from './language';
import { type LanguageModel, loadedLanguageModel } from './languageModel';
import { foldForMatching, normalizeMessage, withoutChatMarkup } from './normalize';
import { readSentences, tokenize } from './phrases';
import { segment } from './segments';
import { type CodeMention, locateStatusCodes } from './statusCodes';
import {
  automaticLanguageWords,
  intentPhrases,
  languageNames,
  type PhraseIntent,
  SEGMENT_VOCABULARY,
} from './vocabulary';

/** `check`: the user asks the bot to check a named mail server now (`details.server`). */
export type Intent = PhraseIntent | 'check' | 'unknown';

export interface Understanding {
  intent: Intent;
  /** Distinct codes in order of first appearance; from the text, or else implied by a symptom. */
  codes: CodeMention[];
  details: PastedDetails;
  /** The language the user wrote in, where their words (or a localized paste) show it. */
  writtenIn?: Locale;
  /**
   * With the `language` intent: the language asked for, where the message names one, or `automatic`
   * where it asks for the language to be chosen by the rules again.
   */
  requestedLocale?: LanguageChoice;
  /** The user says the on-premises servers were retired on purpose ("we shut down the on-prem box"). */
  onPremisesRetired?: true;
}

export interface UnderstandOptions {
  /** The client's locale (Teams `activity.locale`, Slack user locale), already mapped. */
  clientLocale?: Locale;
  /** The language identifier; by default the one loaded at start with `loadLanguageModel()`. */
  languageModel?: LanguageModel;
}

/**
 * Language tags typed at the end of a language command: "lang pl", "language pt-BR", "/mailflow lang
 * zh". A tag followed by more words is a word of the sentence: "réponds en français".
 */
const LANGUAGE_TAG = new RegExp(
  `(?:^|[\\s:,])(${LOCALES.map((locale) => {
    const [primary, region] = [primarySubtagOf(locale), locale.split('-')[1]];
    return region ? `${primary}(?:[-_]${region})?` : primary;
  }).join('|')})(?=[\\s.,!?]*$)`,
  'i',
);

/** Where a text writes a code, its words are read for these concepts only if they may name one. */
const FIX_TOPIC_HEADS = conceptHeads(FIX_TOPIC_CONCEPTS);

/** A localized report shows its language in its first lines; the rest of a long paste is not read for it. */
const PASTE_READ_FOR_LANGUAGE = 600;

/** Folded words of a text. */
const wordsOf = (text: string): string[] => tokenize(foldForMatching(text));

function distinctByCode(mentions: readonly CodeMention[]): CodeMention[] {
  const seen = new Set<string>();
  return mentions.filter((mention) => !seen.has(mention.code) && seen.add(mention.code));
}

/** A short message that names a language and nothing else asks for it: "改成意大利语", "em polonês". */
const LANGUAGE_REQUEST_MAX_WORDS = 8;

interface Asked {
  /** Intents that the user's own words say. */
  found: ReadonlySet<PhraseIntent>;
  /**
   * The language the message names, in words ("Spanish") or as a tag after a command ("lang es"), or
   * `automatic` for a language command that asks for the rules again ("lang auto").
   */
  named: LanguageChoice | undefined;
  words: number;
  hasCodes: boolean;
  /** Codes, or a topic with none (the retry window): something to explain or fix. */
  onTopic: boolean;
  aboutTheFix: boolean;
}

function chooseIntent({ found, named, words, hasCodes, onTopic, aboutTheFix }: Asked): Intent {
  if (found.has('language') && (named !== undefined || !hasCodes)) return 'language';
  if (named !== undefined && !onTopic && words <= LANGUAGE_REQUEST_MAX_WORDS) return 'language';
  if (onTopic) {
    if (found.has('fix')) return 'fix';
    return aboutTheFix && !found.has('explain') ? 'fix' : 'explain';
  }
  for (const intent of ['list', 'help', 'fix', 'explain'] as const) if (found.has(intent)) return intent;
  return 'unknown';
}

/** The language the message shows: the user's own words first, else a localized paste's. */
function writtenLanguage(
  own: { text: string; tokens: readonly string[] },
  pasted: (length: number) => string,
  model: LanguageModel | undefined,
  clientLocale: Locale | undefined,
): Locale | undefined {
  const fromOwn = identifyLanguage(own.text, own.tokens, model, { clientLocale });
  if (fromOwn === 'other') return undefined;
  if (fromOwn) return fromOwn;
  const pastedText = pasted(PASTE_READ_FOR_LANGUAGE);
  const fromPaste = identifyPastedLanguage(pastedText, wordsOf(pastedText), model);
  return fromPaste === 'other' ? undefined : fromPaste;
}

/** What a language command asks for: a tag ("lang es"), or the rules again ("lang auto"). */
function requestedByCommand(ownText: string, ownTokens: readonly string[]): LanguageChoice | undefined {
  const tagged = languageTagToLocale(LANGUAGE_TAG.exec(ownText)?.[1]);
  if (tagged) return tagged;
  return automaticLanguageWords.findAll(ownTokens).length > 0 ? 'automatic' : undefined;
}

export function understand(message: string, options: UnderstandOptions = {}): Understanding {
  const pasted = normalizeMessage(message);
  const text = withoutChatMarkup(pasted);
  const checkRequest = readCheckRequest(text);
  if (checkRequest) return checkUnderstanding(checkRequest, options.clientLocale);
  const model = options.languageModel ?? loadedLanguageModel();
  const located = locateStatusCodes(text);
  const segments = segment(text, located, SEGMENT_VOCABULARY);
  const ownSentences = readSentences(foldForMatching(segments.own));
  const ownTokens = ownSentences.tokens;

  const written = distinctByCode(
    located.map(({ code, relation }) => (relation ? { code, relation } : { code })),
  );
  // Symptoms count only where the text writes no code; the user's words may still ask about the fix.
  const frames =
    written.length > 0
      ? mayMention(ownTokens, FIX_TOPIC_HEADS)
        ? readFrames(findConcepts(ownSentences))
        : NO_FRAMES
      : readFrames(
          findConcepts(
            segments.hasPaste ? readSentences(foldForMatching(segments.symptoms())) : ownSentences,
          ),
        );
  const implied = frames.outcomes.filter((outcome): outcome is KnownCode => outcome !== 'retryWindow');
  const codes = written.length > 0 ? written : implied.map((code) => ({ code }));

  const found = new Set<PhraseIntent>();
  for (const match of intentPhrases.findAll(ownTokens)) for (const value of match.values) found.add(value);
  const onTopic = codes.length > 0 || frames.outcomes.includes('retryWindow');
  // A language is named only in a language command, or in a short message that asks for nothing else.
  const mayNameLanguage =
    found.has('language') || (!onTopic && ownTokens.length <= LANGUAGE_REQUEST_MAX_WORDS);
  const named = mayNameLanguage
    ? (languageNames.findAll(ownTokens)[0]?.values[0] ??
      (found.has('language') ? requestedByCommand(segments.own, ownTokens) : undefined))
    : undefined;
  const intent = chooseIntent({
    found,
    named,
    words: ownTokens.length,
    hasCodes: codes.length > 0,
    onTopic,
    aboutTheFix: frames.aboutTheFix,
  });
  const requested = intent === 'language' ? named : undefined;
  const writtenIn = writtenLanguage(
    { text: segments.own, tokens: ownTokens },
    segments.pasted,
    model,
    options.clientLocale,
  );
  const understanding: Understanding = {
    intent,
    codes: intent === 'language' ? [] : codes,
    details: readPastedDetails(text, pasted),
  };
  // Optional fields set one by one, in this order: spreading small objects costs more.
  if (writtenIn) understanding.writtenIn = writtenIn;
  if (intent === 'language' && requested) understanding.requestedLocale = requested;
  if (frames.onPremisesRetired && codes.some(({ code }) => code.endsWith('.4.316')))
    understanding.onPremisesRetired = true;
  return understanding;
}
