import { foldForMatching } from './normalize';

export interface PhraseMatch<T> {
  values: readonly T[];
  /** Offset in the folded text. */
  index: number;
}

const HAN_OR_KANA = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Latin phrases this short match whole words only: "hi" must not match "history". */
const WHOLE_WORD_MAX_LENGTH = 3;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Splits a vocabulary entry ("a | b | c") into folded phrases. */
export function splitPhrases(entry: string): string[] {
  return entry
    .split('|')
    .map((phrase) => foldForMatching(phrase.trim()).replace(/\s+/g, ' '))
    .filter((phrase) => phrase.length > 0);
}

/**
 * Finds vocabulary phrases in text. A phrase matches where a word starts and may end inside a word
 * ("rechaz" matches "rechazada"); short ones match whole words; Chinese phrases match anywhere, as
 * Chinese has no spaces. Compiled once into a single alternation of literals, longest first, which
 * the regular expression engine matches without backtracking blow-ups.
 */
export class PhraseMatcher<T> {
  private readonly valuesByPhrase = new Map<string, T[]>();
  private readonly pattern: RegExp | undefined;

  constructor(entries: Iterable<readonly [phrase: string, value: T]>) {
    for (const [phrase, value] of entries) {
      const values = this.valuesByPhrase.get(phrase) ?? [];
      if (!values.includes(value)) values.push(value);
      this.valuesByPhrase.set(phrase, values);
    }
    const phrases = [...this.valuesByPhrase.keys()].sort((a, b) => b.length - a.length);
    const alternatives = phrases.map((phrase) => {
      const literal = escapeRegExp(phrase).replace(/ /g, '\\s+');
      if (HAN_OR_KANA.test(phrase)) return literal;
      const end = phrase.length <= WHOLE_WORD_MAX_LENGTH ? '(?![\\p{L}\\p{N}])' : '';
      return `(?<![\\p{L}\\p{N}])${literal}${end}`;
    });
    this.pattern = alternatives.length > 0 ? new RegExp(alternatives.join('|'), 'gu') : undefined;
  }

  /** All matches in `folded` (text passed through `foldForMatching`), left to right, not overlapping. */
  findAll(folded: string): PhraseMatch<T>[] {
    if (!this.pattern) return [];
    const matches: PhraseMatch<T>[] = [];
    for (const match of folded.matchAll(this.pattern)) {
      const values = this.valuesByPhrase.get(match[0].replace(/\s+/g, ' '));
      if (values) matches.push({ values, index: match.index });
    }
    return matches;
  }
}
