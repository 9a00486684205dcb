/**
 * Symptoms as concepts: each language's `concepts` in `locales/<lng>/understand.json` name, in that
 * language's words, the ideas a described failure is made of (domain, expired, firewall, refused,
 * closed, halfway…). Every message is read with every language's concepts, each compared the way
 * its language inflects ({@link WORD_FORMS}): someone with an English client may well write
 * "conexión rechazada".
 */
import { CONTENT, type UnderstandingContent } from '../content';
import { LOCALES } from '../locales';
import { type Sentences, splitPhrases } from './phrases';
import { VocabularyMatcher } from './vocabularyMatcher';
import { HeadSet, headKey, PREFIX_GROUP_LENGTH, WORD_FORMS } from './wordForms';

export type Concept = keyof UnderstandingContent['concepts'];

export interface ConceptOccurrence {
  concept: Concept;
  /** Token indices in the sentences' shared token list: the first, and the one after the last. */
  start: number;
  end: number;
  sentence: number;
}

const CONCEPTS = Object.keys(CONTENT.en.understand.concepts) as Concept[];

const MATCHERS = LOCALES.map((locale) => {
  const concepts = CONTENT[locale].understand.concepts;
  const entries = CONCEPTS.flatMap((concept) =>
    splitPhrases(concepts[concept]).map((words) => [words, concept] as const),
  );
  return new VocabularyMatcher(entries, WORD_FORMS[locale]);
});

/**
 * Drops what a longer phrase of another language contains: in "servidores de nombres", Spanish reads
 * name servers, and the Portuguese "servidores" inside it is no server of its own.
 */
function longestOnly(sorted: readonly ConceptOccurrence[]): ConceptOccurrence[] {
  let widest: ConceptOccurrence | undefined;
  return sorted.filter((occurrence) => {
    const contained =
      widest !== undefined &&
      widest.end >= occurrence.end &&
      (widest.start < occurrence.start || widest.end > occurrence.end);
    if (!widest || occurrence.end > widest.end) widest = occurrence;
    return !contained;
  });
}

/** Every concept the sentences mention, in order of where it starts. */
export function findConcepts({ tokens, sentenceOf }: Sentences): ConceptOccurrence[] {
  const found: ConceptOccurrence[] = [];
  for (const matcher of MATCHERS) {
    for (const { values, start, end } of matcher.findAll(tokens)) {
      for (const concept of values) found.push({ concept, start, end, sentence: sentenceOf[start] ?? 0 });
    }
  }
  // By start, the longer first, so that a phrase comes before what it contains.
  if (found.length < 2) return found;
  return longestOnly(found.sort((a, b) => a.start - b.start || b.end - a.end));
}

/**
 * The beginnings of the first words of the given concepts' phrases, in every language: a text whose
 * words begin none of them cannot mention these concepts, and is not matched for them at all.
 */
export function conceptHeads(concepts: Iterable<Concept>): HeadSet {
  const heads = new HeadSet();
  for (const locale of LOCALES) {
    const words = CONTENT[locale].understand.concepts;
    for (const concept of concepts) {
      for (const [first] of splitPhrases(words[concept])) {
        if (first !== undefined) heads.add(headKey(first, PREFIX_GROUP_LENGTH));
      }
    }
  }
  return heads;
}

export const mayMention = (tokens: readonly string[], heads: HeadSet): boolean =>
  tokens.some((token) => heads.has(headKey(token, PREFIX_GROUP_LENGTH)));
