/**
 * Which language a text is written in, among the six or "another one": script rules first (Han is
 * Chinese, kana is Japanese, Hangul or Cyrillic is none of ours), then fastText's identifier and the
 * cue words of each language together, with thresholds that leave a text too short or too mixed to
 * tell as showing no language.
 */
import { LOCALES, type Locale, languageTagToLocale, primarySubtagOf } from '../locales';
import type { LanguageModel } from './languageModel';
import { foldForMatching, isAscii } from './normalize';
import { ENGLISH_ERROR_WORDS, LOANWORDS, languageMarkers } from './vocabulary';

/** The six languages, another language, or no language that the text shows. */
export type Identified = Locale | 'other' | undefined;

/** How much one cue word ("qué", "gnt", "cześć") weighs against the model's probability. */
const CUE_WEIGHT = 0.5;
/**
 * Cue words alone decide when this many point to one language and none to another ("what does it
 * mean?", "co to znaczy?"): the model is asked only where they do not.
 */
const DECISIVE_CUES = 2;
/** Or this many times as many as any other language's, in a longer text. */
const DECISIVE_RATIO = 4;
/** The model reads this much of a text: a language shows in its first sentences. */
const MODEL_INPUT_LENGTH = 200;
/** Cue words are looked for among this many first words. */
const CUE_TOKENS = 300;
/** A text this short reads in the client's language where the model finds that plausible. */
const SHORT_TEXT_WORDS = 3;
const PLAUSIBLE = 0.05;
/** The model is trusted fully from this many words on, less on fewer. */
const FULL_MODEL_WORDS = 3;
/** The client's language, where the text has its cue words, is the likelier of close readings. */
const CLIENT_PRIOR = 0.3;
/** A language is taken when its score reaches this, and leads the next by the margin. */
const ACCEPT = 0.5;
const MARGIN = 0.1;
/** A paste must show its language more clearly than the user's own words: it is long and mixed. */
const PASTE_ACCEPT = 0.8;
/** A paste this much made of English error words is English error text. */
const ENGLISH_ERROR_TEXT_SHARE = 0.85;
const LETTER = /\p{L}/u;
const SINGLE_LATIN_LETTER = /^\p{Script=Latin}$/u;

/**
 * Whether a token is a word: it has a letter, and is more than a single Latin letter. ASCII
 * characters are read by their codes; a token with others goes to the patterns.
 */
function isWord(token: string): boolean {
  // One code point is at most two code units: a longer token is never a single letter.
  if (token.length <= 2 && SINGLE_LATIN_LETTER.test(token)) return false;
  for (let index = 0; index < token.length; index++) {
    const code = token.charCodeAt(index);
    if (code >= 128) return LETTER.test(token);
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return true;
  }
  return false;
}
/** Another language is taken when the model is this sure of it and no cue word says otherwise. */
const OTHER_ACCEPT = 0.5;

const HAN = /\p{Script=Han}/gu;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Letters of scripts none of the six languages is written in. */
const FOREIGN_LETTER =
  /[\p{Script=Hangul}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Thai}\p{Script=Devanagari}\p{Script=Georgian}\p{Script=Armenian}]/gu;
const LATIN_WORD = /\p{Script=Latin}[\p{Script=Latin}'’-]*/gu;
const isAsciiLetter = (code: number): boolean => (code >= 97 && code <= 122) || (code >= 65 && code <= 90);

/**
 * {@link LATIN_WORD}'s matches in ASCII text (no other script, no letter outside `A-Z`): a letter,
 * then letters, apostrophes and hyphens; read by character codes.
 */
function asciiLatinWords(text: string): string[] {
  const words: string[] = [];
  for (let index = 0; index < text.length; ) {
    if (!isAsciiLetter(text.charCodeAt(index))) {
      index++;
      continue;
    }
    const start = index;
    for (index++; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (!isAsciiLetter(code) && code !== 0x27 /* ' */ && code !== 0x2d /* - */) break;
    }
    words.push(text.slice(start, index));
  }
  return words;
}

const count = (text: string, pattern: RegExp): number => {
  if (!pattern.test(text)) return 0;
  pattern.lastIndex = 0;
  let found = 0;
  while (pattern.exec(text)) found++;
  return found;
};

/**
 * Letters (and a word) only one of the six languages writes: each counts as one cue that covers
 * two words, so that "¿qué significa?" needs no model to be Spanish.
 */
const CUE_LETTERS: readonly { pattern: RegExp; locale: Locale }[] = [
  { pattern: /[¿¡ñ]/, locale: 'es' },
  { pattern: /[ãõ]/, locale: 'pt-BR' },
  { pattern: /(?:^|\s)è(?=\s|$)/, locale: 'it' },
  { pattern: /[ąęłśźżćńĄĘŁŚŹŻĆŃ]/, locale: 'pl' },
];
const CUE_LETTER_WORDS = 2;

interface Cues {
  /** Cue words and letters found per language: each weighs against the model's probability. */
  found: Map<Locale, number>;
  /** Words of the languages the bot does not answer in ("was kannst du"): each weighs for another one. */
  other: number;
  /** The words they cover per language: "co oznacza" is one cue that covers two words. */
  words: Map<Locale, number>;
}

const add = (counts: Map<Locale, number>, locale: Locale, count: number) =>
  counts.set(locale, (counts.get(locale) ?? 0) + count);

function cuesIn(text: string, tokens: readonly string[], ascii: boolean): Cues {
  const cues: Cues = { found: new Map(), other: 0, words: new Map() };
  // The cue letters are all outside ASCII.
  for (const { pattern, locale } of ascii ? [] : CUE_LETTERS) {
    if (!pattern.test(text)) continue;
    add(cues.found, locale, 1);
    add(cues.words, locale, CUE_LETTER_WORDS);
  }
  // The first words tell the language; the rest of a long text is not read for cues.
  const read = tokens.length > CUE_TOKENS ? tokens.slice(0, CUE_TOKENS) : tokens;
  // By position, the longer first: a cue inside another language's longer one is explained by it
  // ("to" in Polish "co to").
  const matches = languageMarkers.findEvery(read);
  if (matches.length > 1) matches.sort((a, b) => a.start - b.start || b.end - a.end);
  let widest: (typeof matches)[number] | undefined;
  for (const match of matches) {
    const length = match.end - match.start;
    const inside = widest !== undefined && widest.end >= match.end && widest.end - widest.start > length;
    if (!widest || match.end > widest.end) widest = match;
    if (inside) continue;
    for (const locale of match.values) {
      if (locale === 'other') {
        cues.other++;
        continue;
      }
      add(cues.found, locale, 1);
      add(cues.words, locale, length);
    }
  }
  return cues;
}

/**
 * The language the cue words alone show: many of one language's (or every word the text has),
 * hardly any of another's.
 */
function decisiveCue(cues: ReadonlyMap<Locale, number>, words: number): Locale | undefined {
  // The most cued language (the first found of equals) and the next count, in one pass.
  let best: Locale | undefined;
  let most = 0;
  let runnerUp = 0;
  for (const [locale, count] of cues) {
    if (best === undefined || count > most) {
      if (best !== undefined) runnerUp = most;
      best = locale;
      most = count;
    } else runnerUp = Math.max(runnerUp, count);
  }
  if (best === undefined || most < Math.min(DECISIVE_CUES, words)) return undefined;
  return runnerUp === 0 || most >= DECISIVE_RATIO * runnerUp ? best : undefined;
}

/**
 * Close relatives the model confuses with one of the six on a few words ("zapora blokuje ruch" reads
 * as Slovenian, "el dominio venció" as Catalan). Their probability counts for ours only where the
 * text also has ours' cue words; without them, Czech stays another language.
 */
const RELATIVES: Readonly<Record<string, Locale>> = {
  cs: 'pl',
  sk: 'pl',
  sl: 'pl',
  hr: 'pl',
  sh: 'pl',
  sr: 'pl',
  bs: 'pl',
  ca: 'es',
  ast: 'es',
  an: 'es',
  gl: 'pt-BR',
  co: 'it',
  scn: 'it',
  nap: 'it',
  vec: 'it',
  lmo: 'it',
};

/** The model's probabilities mapped onto the six languages, and the most likely other language's. */
function modelScores(
  predicted: ReadonlyMap<string, number>,
  cues: ReadonlyMap<Locale, number>,
): { ours: Map<Locale, number>; other: number } {
  const ours = new Map<Locale, number>();
  let other = 0;
  for (const [label, probability] of predicted) {
    const relative = RELATIVES[label];
    const locale = languageTagToLocale(label) ?? (relative && cues.has(relative) ? relative : undefined);
    if (locale) ours.set(locale, (ours.get(locale) ?? 0) + probability);
    else other = Math.max(other, probability);
  }
  return { ours, other };
}

/** The words the model reads: borrowed technical words say nothing, unless there are no others. */
function wordsForModel(latinWords: readonly string[]): string {
  const own = latinWords.filter((word) => !LOANWORDS.has(foldForMatching(word)));
  return (own.length > 0 ? own : latinWords).join(' ');
}

/**
 * The language of `text` (the user's own words, or a paste's, with codes, addresses and host names
 * already taken out); `tokens` are its folded words. `accept` is the score a language needs.
 */
export function identifyLanguage(
  text: string,
  tokens: readonly string[],
  model: LanguageModel | undefined,
  { accept = ACCEPT, clientLocale }: { accept?: number; clientLocale?: Locale | undefined } = {},
): Identified {
  // ASCII text has Latin letters only: no script rule applies to it.
  const ascii = isAscii(text);
  if (!ascii && KANA.test(text)) return 'other';
  const latinWords = ascii ? asciiLatinWords(text) : (text.match(LATIN_WORD) ?? []);
  const han = ascii ? 0 : count(text, HAN);
  if (han > 0 && han >= latinWords.length) return 'zh-CN';
  const latinLetters = latinWords.reduce((letters, word) => letters + word.length, 0);
  if (!ascii && count(text, FOREIGN_LETTER) > latinLetters) return 'other';
  if (latinWords.length === 0) return undefined;

  const cues = cuesIn(text, tokens, ascii);
  const decisive = cues.other === 0 ? decisiveCue(cues.words, latinWords.length) : undefined;
  if (decisive) return decisive;
  const predicted = model?.predict(wordsForModel(latinWords).slice(0, MODEL_INPUT_LENGTH)) ?? new Map();
  // A word or three that reads as well in the client's language as in another is the client's.
  const short = latinWords.length <= SHORT_TEXT_WORDS;
  const clientPlausible =
    clientLocale !== undefined &&
    (cues.found.size === 0 || cues.found.has(clientLocale)) &&
    (predicted.get(primarySubtagOf(clientLocale)) ?? 0) >= PLAUSIBLE;
  if (short && clientPlausible) return clientLocale;
  const { ours, other: otherByModel } = modelScores(predicted, cues.found);
  const other = otherByModel + CUE_WEIGHT * cues.other;
  // On a word or two the model guesses; cue words, and the client's language among them, weigh more.
  const modelWeight = Math.min(1, latinWords.length / FULL_MODEL_WORDS);
  const scores = LOCALES.map((locale) => ({
    locale,
    score:
      modelWeight * (ours.get(locale) ?? 0) +
      CUE_WEIGHT * (cues.found.get(locale) ?? 0) +
      (locale === clientLocale && cues.found.has(locale) ? CLIENT_PRIOR : 0),
  })).sort((a, b) => b.score - a.score);
  const [best, second] = scores;
  if (best && best.score >= accept && best.score - (second?.score ?? 0) >= MARGIN && best.score >= other)
    return best.locale;
  if (other >= OTHER_ACCEPT && cues.found.size === 0) return 'other';
  return undefined;
}

/**
 * The language of pasted text: English error text ("Connection timed out") is what servers write
 * everywhere, so it shows none; a localized report shows its language, clearly or not at all.
 */
export function identifyPastedLanguage(
  text: string,
  tokens: readonly string[],
  model: LanguageModel | undefined,
): Identified {
  // Words, Chinese characters among them; a single Latin letter is a fragment ("recipient's").
  const words = tokens.filter(isWord);
  const english = words.filter((token) => ENGLISH_ERROR_WORDS.has(token)).length;
  if (english >= ENGLISH_ERROR_TEXT_SHARE * words.length) return undefined;
  const language = identifyLanguage(text, tokens, model, { accept: PASTE_ACCEPT });
  return language === 'en' || language === 'other' ? undefined : language;
}
