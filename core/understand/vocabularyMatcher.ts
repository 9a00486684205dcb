/**
 * Finds a language's vocabulary phrases ("connection refused", "servidores de nombres") in the
 * tokens of a message, comparing words the way the language's {@link WordForm} says. A trie of
 * phrases keeps it linear: from each token it walks at most one phrase's length, and each word's
 * form is computed once.
 */
import { HeadSet, headKey, PREFIX_GROUP_LENGTH, WHOLE_WORD_MAX_LENGTH, type WordForm } from './wordForms';

export interface VocabularyMatch<T> {
  values: readonly T[];
  /** Index of the first token of the match, and the index after its last. */
  start: number;
  end: number;
}

interface TrieNode<T> {
  /** By a word's stem, or the whole word. */
  next: Map<string, TrieNode<T>>;
  /** Prefix forms: by a word's beginning, grouped by its first letters, the longest first. */
  prefixed: Map<number, { prefix: string; node: TrieNode<T> }[]>;
  /** Phrases that end here. */
  values: T[];
}

const newNode = <T>(): TrieNode<T> => ({ next: new Map(), prefixed: new Map(), values: [] });
/** Words of this many letters or more are looked up through their first letters first. */
const GATE_LENGTH = 3;

function exactChild<T>(node: TrieNode<T>, key: string): TrieNode<T> {
  const child = node.next.get(key) ?? newNode<T>();
  node.next.set(key, child);
  return child;
}

function prefixChild<T>(node: TrieNode<T>, prefix: string): TrieNode<T> {
  const group = headKey(prefix, PREFIX_GROUP_LENGTH);
  const prefixes = node.prefixed.get(group) ?? [];
  node.prefixed.set(group, prefixes);
  const found = prefixes.find((entry) => entry.prefix === prefix);
  if (found) return found.node;
  const child = newNode<T>();
  prefixes.push({ prefix, node: child });
  prefixes.sort((a, b) => b.prefix.length - a.prefix.length);
  return child;
}

export class VocabularyMatcher<T> {
  private readonly root = newNode<T>();
  /** Stem forms: the first letters of every vocabulary word, so that most words are never stemmed. */
  private readonly gate = new HeadSet();
  /** The first letters of every phrase's first word (and its stem): no other token starts a match. */
  private readonly firstHeads = new HeadSet();

  constructor(
    entries: Iterable<readonly [phrase: readonly string[], value: T]>,
    private readonly form: WordForm,
  ) {
    for (const [words, value] of entries) this.add(words, value);
  }

  private add(words: readonly string[], value: T): void {
    let node = this.root;
    for (const word of words) {
      const key = this.form.kind === 'stem' ? this.form.key(word) : word;
      this.gate.add(headKey(word, GATE_LENGTH));
      this.gate.add(headKey(key, GATE_LENGTH));
      if (node === this.root) {
        this.firstHeads.add(headKey(word, GATE_LENGTH));
        this.firstHeads.add(headKey(key, GATE_LENGTH));
      }
      node =
        this.form.kind === 'prefix' && key.length > WHOLE_WORD_MAX_LENGTH
          ? prefixChild(node, key)
          : exactChild(node, key);
    }
    if (!node.values.includes(value)) node.values.push(value);
  }

  /** The stem of a token, or `undefined` for a word that no vocabulary word shares a beginning with. */
  private stemOf(token: string): string | undefined {
    if (this.form.kind !== 'stem') return token;
    if (token.length > WHOLE_WORD_MAX_LENGTH && !this.gate.has(headKey(token, GATE_LENGTH))) return undefined;
    return this.form.key(token);
  }

  /** The child of `node` that `token` leads to: by stem or whole word, or by the longest prefix. */
  private step(node: TrieNode<T>, token: string, stem: string | undefined): TrieNode<T> | undefined {
    if (this.form.kind !== 'prefix') return stem === undefined ? undefined : node.next.get(stem);
    const whole = node.next.get(token);
    if (whole) return whole;
    const prefixes = node.prefixed.get(headKey(token, PREFIX_GROUP_LENGTH));
    if (!prefixes) return undefined;
    for (const { prefix, node: child } of prefixes) if (token.startsWith(prefix)) return child;
    return undefined;
  }

  /** Every match in `tokens` (folded), left to right, not overlapping, the longest at each place. */
  findAll(tokens: readonly string[]): VocabularyMatch<T>[] {
    return this.matches(tokens, true);
  }

  /** Every phrase at every place, overlapping ones included: the short inside the long too. */
  findEvery(tokens: readonly string[]): VocabularyMatch<T>[] {
    return this.matches(tokens, false);
  }

  private matches(tokens: readonly string[], longestOnly: boolean): VocabularyMatch<T>[] {
    // Each word's stem, computed once however many phrases try it (`null`: not yet), and only once a
    // word may start a phrase; other forms compare words as they are.
    let stems: (string | undefined | null)[] | undefined;
    const matches: VocabularyMatch<T>[] = [];
    for (let start = 0; start < tokens.length; ) {
      if (!this.firstHeads.has(headKey(tokens[start] as string, GATE_LENGTH))) {
        start++;
        continue;
      }
      if (this.form.kind === 'stem') stems ??= new Array(tokens.length).fill(null);
      let node: TrieNode<T> | undefined = this.root;
      let best: VocabularyMatch<T> | undefined;
      for (let index = start; node && index < tokens.length; index++) {
        const token = tokens[index] as string;
        let stem: string | undefined | null = token;
        if (stems) {
          stem = stems[index];
          if (stem === null) {
            stem = this.stemOf(token);
            stems[index] = stem;
          }
        }
        node = this.step(node, token, stem);
        if (!node || node.values.length === 0) continue;
        best = { values: node.values, start, end: index + 1 };
        if (!longestOnly) matches.push(best);
      }
      if (longestOnly && best) {
        matches.push(best);
        start = best.end;
      } else start++;
    }
    return matches;
  }
}
