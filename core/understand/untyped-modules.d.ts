/** Type declarations for the parts of libraries that ship none we can resolve. */

// `opencc-js` types its subpath exports, which `moduleResolution: node` does not read.
declare module 'opencc-js/t2cn' {
  export * from 'opencc-js';
}

/** nlp.js stemmers (Snowball-generated for English, Spanish, Portuguese and Italian). */
interface NlpjsStemmer {
  stemWord(word: string): string;
  /** nlp.js keeps every word it has stemmed here, without a bound. */
  cache: Record<string, string>;
}

declare module '@nlpjs/lang-en-min' {
  export const StemmerEn: new () => NlpjsStemmer;
}
declare module '@nlpjs/lang-es' {
  export const StemmerEs: new () => NlpjsStemmer;
}
declare module '@nlpjs/lang-pt' {
  export const StemmerPt: new () => NlpjsStemmer;
}
declare module '@nlpjs/lang-it' {
  export const StemmerIt: new () => NlpjsStemmer;
}
