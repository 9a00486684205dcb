import { foldForMatching } from './normalize';

export interface PhraseMatch<T> {
  values: readonly T[];
  /** Index of the first token of the match, and how many tokens it covers. */
  index: number;
  length: number;
}

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

/** A phrase's last word this short must match a whole word ("hi" must not match "history"). */
const WHOLE_WORD_MAX_LENGTH = 3;

/** Splits a vocabulary entry ("a | b | c") into phrases, each a list of folded tokens. */
export function splitPhrases(entry: string): string[][] {
  return entry
    .split('|')
    .map((phrase) => tokenize(foldForMatching(phrase.trim())))
    .filter((tokens) => tokens.length > 0);
}

interface TrieNode<T> {
  /** Phrases continue with this whole word. */
  next: Map<string, TrieNode<T>>;
  /** Phrases that end here with this whole word. */
  wholeWordEnds: Map<string, T[]>;
  /**
   * Phrases that end here with a word starting with a prefix ("rechaz" → "rechazada"), grouped by
   * the prefix's first letters so that a word is compared with a few prefixes only, the longest first.
   */
  prefixEnds: Map<string, { prefix: string; values: T[] }[]>;
}

const newNode = <T>(): TrieNode<T> => ({ next: new Map(), wholeWordEnds: new Map(), prefixEnds: new Map() });
/** Prefixes are longer than whole words, so this many letters group them. */
const PREFIX_GROUP_LENGTH = WHOLE_WORD_MAX_LENGTH + 1;

function addValue<T>(map: Map<string, T[]>, key: string, value: T): void {
  const values = map.get(key) ?? [];
  if (!values.includes(value)) values.push(value);
  map.set(key, values);
}

/**
 * Finds vocabulary phrases in tokenized text. A phrase matches where a word starts; its last word
 * may be the beginning of a longer word, unless it is very short. A trie of words keeps matching
 * linear: at each token it walks at most one phrase's length, looking words up in maps.
 */
export class PhraseMatcher<T> {
  private readonly root = newNode<T>();

  constructor(entries: Iterable<readonly [phrase: readonly string[], value: T]>) {
    for (const [tokens, value] of entries) this.add(tokens, value);
  }

  private add(tokens: readonly string[], value: T): void {
    let node = this.root;
    tokens.forEach((token, position) => {
      if (position < tokens.length - 1) {
        const child = node.next.get(token) ?? newNode<T>();
        node.next.set(token, child);
        node = child;
      } else if (token.length <= WHOLE_WORD_MAX_LENGTH) {
        addValue(node.wholeWordEnds, token, value);
      } else {
        const group = token.slice(0, PREFIX_GROUP_LENGTH);
        const prefixes = node.prefixEnds.get(group) ?? [];
        const entry = prefixes.find((candidate) => candidate.prefix === token);
        if (entry) {
          if (!entry.values.includes(value)) entry.values.push(value);
        } else {
          prefixes.push({ prefix: token, values: [value] });
          prefixes.sort((a, b) => b.prefix.length - a.prefix.length);
        }
        node.prefixEnds.set(group, prefixes);
      }
    });
  }

  /** The longest phrase starting at token `start`: its values and the index after its last token. */
  private matchAt(tokens: readonly string[], start: number): { values: T[]; end: number } | undefined {
    let node: TrieNode<T> | undefined = this.root;
    let best: { values: T[]; end: number } | undefined;
    for (let index = start; node && index < tokens.length; index++) {
      const word = tokens[index] as string;
      const whole = node.wholeWordEnds.get(word);
      if (whole) best = { values: whole, end: index + 1 };
      if (word.length > WHOLE_WORD_MAX_LENGTH && node.prefixEnds.size > 0) {
        const prefixed = node.prefixEnds
          .get(word.slice(0, PREFIX_GROUP_LENGTH))
          ?.find(({ prefix }) => word.startsWith(prefix));
        if (prefixed) best = { values: prefixed.values, end: index + 1 };
      }
      node = node.next.get(word);
    }
    return best;
  }

  /** Every match, left to right, not overlapping, the longest at each place. */
  findAll(tokens: readonly string[]): PhraseMatch<T>[] {
    const matches: PhraseMatch<T>[] = [];
    for (let index = 0; index < tokens.length; ) {
      const match = this.matchAt(tokens, index);
      if (match) {
        matches.push({ values: match.values, index, length: match.end - index });
        index = match.end;
      } else index++;
    }
    return matches;
  }
}
