import { foldForMatching, isAscii } from './normalize';
import { afterMatch, globalMatches, globalMatchFrom } from './patternMatches';

/**
 * Words of folded text, in order. Chinese and Japanese characters are one token each, since those
 * languages write no spaces; everything that is not a letter or digit separates tokens.
 */
export function tokenize(folded: string): string[] {
  if (isAscii(folded)) return asciiWords(folded);
  const tokens: string[] = [];
  const anyCjk = CJK.test(folded);
  WORD.lastIndex = 0;
  for (let found = WORD.exec(folded); found; found = WORD.exec(folded)) {
    const word = found[0];
    if (!anyCjk || !CJK.test(word)) {
      tokens.push(word);
      continue;
    }
    for (const [part] of globalMatches(word, CJK_PARTS)) tokens.push(part);
  }
  return tokens;
}

/** Whether an ASCII character code is a letter or a digit: the ASCII part of `\p{L}\p{N}`. */
const isAsciiWordCode = (code: number): boolean =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);

/** {@link tokenize} for ASCII text (most messages), by character codes instead of a pattern. */
function asciiWords(text: string): string[] {
  const tokens: string[] = [];
  let start = -1;
  for (let index = 0; index < text.length; index++) {
    if (isAsciiWordCode(text.charCodeAt(index))) {
      if (start < 0) start = index;
    } else if (start >= 0) {
      tokens.push(text.slice(start, index));
      start = -1;
    }
  }
  if (start >= 0) tokens.push(text.slice(start));
  return tokens;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** A text's words, in order, with the sentence each belongs to. */
export interface Sentences {
  tokens: string[];
  sentenceOf: number[];
}

/** Where a sentence ends: a stop, question or exclamation mark before a space, a semicolon, a line break. */
const SENTENCE_END = /[.!?;](?=\s|$)|[。！？；\n]/gu;

/** Tokens of `folded` text, sentence by sentence, so that a symptom is read within one sentence. */
export function readSentences(folded: string): Sentences {
  const tokens: string[] = [];
  const sentenceOf: number[] = [];
  // The pieces between sentence ends, as `split` gives them, without the copy of its pattern.
  let sentence = 0;
  let start = 0;
  const read = (end: number) => {
    for (const token of tokenize(folded.slice(start, end))) {
      tokens.push(token);
      sentenceOf.push(sentence);
    }
    sentence++;
  };
  for (
    let end = globalMatchFrom(folded, SENTENCE_END, 0);
    end;
    end = globalMatchFrom(folded, SENTENCE_END, afterMatch(folded, SENTENCE_END, end))
  ) {
    read(end.index);
    start = end.index + end[0].length;
  }
  read(folded.length);
  return { tokens, sentenceOf };
}
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const CJK_PARTS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;

/** Splits a vocabulary entry ("a | b | c") into phrases, each a list of folded tokens. */
export function splitPhrases(entry: string): string[][] {
  return entry
    .split('|')
    .map((phrase) => tokenize(foldForMatching(phrase.trim())))
    .filter((tokens) => tokens.length > 0);
}
