import { foldForMatching } from './normalize';

/**
 * Words of folded text, in order. Chinese and Japanese characters are one token each, since those
 * languages write no spaces; everything that is not a letter or digit separates tokens.
 */
export function tokenize(folded: string): string[] {
  const tokens: string[] = [];
  const anyCjk = CJK.test(folded);
  for (const [word] of folded.matchAll(WORD)) {
    if (!anyCjk || !CJK.test(word)) {
      tokens.push(word);
      continue;
    }
    for (const [part] of word.matchAll(CJK_PARTS)) tokens.push(part);
  }
  return tokens;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** A text's words, in order, with the sentence each belongs to. */
export interface Sentences {
  tokens: string[];
  sentenceOf: number[];
}

/** Where a sentence ends: a stop, question or exclamation mark before a space, a semicolon, a line break. */
const SENTENCE_END = /[.!?;](?=\s|$)|[。！？；\n]/u;

/** Tokens of `folded` text, sentence by sentence, so that a symptom is read within one sentence. */
export function readSentences(folded: string): Sentences {
  const tokens: string[] = [];
  const sentenceOf: number[] = [];
  folded.split(SENTENCE_END).forEach((sentence, index) => {
    for (const token of tokenize(sentence)) {
      tokens.push(token);
      sentenceOf.push(index);
    }
  });
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
