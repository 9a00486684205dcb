/**
 * How each language's vocabulary meets the words of a message despite inflection: "rechazada",
 * "rechazó" and "rechazando" are one word to a reader. English, Spanish, Portuguese and Italian
 * compare Snowball stems (nlp.js's stemmers); Polish, whose inflection changes stems in ways no
 * light stemmer folds, compares a vocabulary stem as a prefix ("odrzuc" reads "odrzucone",
 * "odrzuca", "odrzucił"); Chinese compares characters, after Traditional is folded to Simplified.
 */
import { StemmerEn } from '@nlpjs/lang-en-min';
import { StemmerEs } from '@nlpjs/lang-es';
import { StemmerIt } from '@nlpjs/lang-it';
import { StemmerPt } from '@nlpjs/lang-pt';
import type { Locale } from '../locales';

export type WordForm =
  /** Words are compared by `key`: their stem. */
  | { kind: 'stem'; key(word: string): string }
  /** A vocabulary word longer than {@link WHOLE_WORD_MAX_LENGTH} matches any word it begins. */
  | { kind: 'prefix' }
  | { kind: 'exact' };

/** Vocabulary words this short must match a whole word, whatever the language: "no" is not "nothing". */
export const WHOLE_WORD_MAX_LENGTH = 3;
/** Prefixes are longer than whole words, so this many first letters group them for look-up. */
export const PREFIX_GROUP_LENGTH = WHOLE_WORD_MAX_LENGTH + 1;

/** Words read as the beginnings of words: Polish, and the phrases of intents and cue words. */
export const PREFIX_FORM: WordForm = { kind: 'prefix' };

/**
 * Stems are remembered per word; a server that reads strangers' text bounds that memory (and
 * nlp.js's own, which keeps every word it ever stemmed) by starting afresh after this many words.
 */
const MAX_REMEMBERED_STEMS = 20_000;

function stemWith(stemmer: InstanceType<typeof StemmerEn>): WordForm {
  const remembered = new Map<string, string>();
  return {
    kind: 'stem',
    key(word) {
      // Short words ("no", "ip", "mx") stem to themselves or to nonsense; they are compared whole.
      if (word.length <= WHOLE_WORD_MAX_LENGTH) return word;
      let stem = remembered.get(word);
      if (stem === undefined) {
        if (remembered.size >= MAX_REMEMBERED_STEMS) {
          remembered.clear();
          stemmer.cache = {};
        }
        stem = stemmer.stemWord(word);
        remembered.set(word, stem);
      }
      return stem;
    },
  };
}

/**
 * A number for a word's first `length` letters, so that looking a beginning up allocates nothing.
 * Two beginnings may share a number: whoever looks one up still compares the letters.
 */
export function headKey(word: string, length: number): number {
  let key = Math.min(word.length, length);
  for (let index = 0; index < length && index < word.length; index++)
    key = (key * 31 + word.charCodeAt(index)) | 0;
  return key;
}

/** Bits of a {@link HeadSet}'s filter: a power of two, a few times more than the heads it holds. */
const FILTER_BITS = 1 << 14;

/**
 * A set of {@link headKey}s, looked up first in a filter of bits (one array read), then in the set
 * itself where the filter's bit is set: most words begin no vocabulary word and stop at the bit.
 */
export class HeadSet {
  private readonly filter = new Uint32Array(FILTER_BITS / 32);
  private readonly keys = new Set<number>();

  add(key: number): void {
    const bit = key & (FILTER_BITS - 1);
    this.filter[bit >>> 5] = (this.filter[bit >>> 5] as number) | (1 << (bit & 31));
    this.keys.add(key);
  }

  has(key: number): boolean {
    const bit = key & (FILTER_BITS - 1);
    return ((this.filter[bit >>> 5] as number) & (1 << (bit & 31))) !== 0 && this.keys.has(key);
  }
}

export const WORD_FORMS: Record<Locale, WordForm> = {
  en: stemWith(new StemmerEn()),
  es: stemWith(new StemmerEs()),
  'pt-BR': stemWith(new StemmerPt()),
  it: stemWith(new StemmerIt()),
  pl: PREFIX_FORM,
  'zh-CN': { kind: 'exact' },
};
