/**
 * "check mail.contoso.com", "comprueba mail.contoso.com", "sprawdź serwer 192.0.2.10",
 * "请检查一下 mail.contoso.com", "/mailflow check mail.contoso.com": a request to check a named mail
 * server now. The words are in `locales/<lng>/check.json` (`understand`); the message must be only
 * that: optional polite words, a verb, optionally "the server", and one host name or IP address.
 * A longer message that merely mentions a host ("I checked mail.contoso.com and got 4.4.316") is
 * not a request to check it.
 */
import { CHECK_CONTENT } from '../check/content';
import { parseCheckTarget } from '../check/target';
import { LOCALES, type Locale } from '../locales';
import type { Understanding } from '.';
import { foldForMatching } from './normalize';

export interface CheckRequest {
  /** The target, validated: a lower-case host name or an IP address. */
  host: string;
  /**
   * The languages the words are in: the verb's ("verifica" is Spanish, Italian and Portuguese),
   * narrowed by the other words where they tell ("o servidor" is Portuguese).
   */
  locales: readonly Locale[];
}

/** A check request is a short command; longer messages are not read as one. */
const MAX_REQUEST_LENGTH = 300;
const HAN = /\p{Script=Han}/u;
/** Where a Chinese verb runs straight into a host name: "检查mail.contoso.com". */
const HAN_THEN_OTHER = /(\p{Script=Han})(?=[^\s\p{Script=Han}])/gu;
/** Punctuation around the words that changes nothing: "¿puedes comprobar …?", "check: host". */
const IGNORED_PUNCTUATION = /[¿¡,，:：、]/g;
const TRAILING_PUNCTUATION = /[?!.,;。？！，；]+$/;
const SLASH_COMMAND = ['/mailflow', 'mailflow'];

type Phrases = readonly { phrase: string; locales: readonly Locale[] }[];

function phraseList(entry: (locale: Locale) => string): Phrases {
  const byPhrase = new Map<string, Locale[]>();
  for (const locale of LOCALES) {
    for (const raw of entry(locale).split('|')) {
      const phrase = foldForMatching(raw).trim().replace(/\s+/g, ' ');
      const locales = byPhrase.get(phrase) ?? [];
      if (phrase && !locales.includes(locale)) byPhrase.set(phrase, [...locales, locale]);
    }
  }
  // Longest first, so "check out" is tried before "check" and "检查一下" before "检查".
  return [...byPhrase]
    .map(([phrase, locales]) => ({ phrase, locales }))
    .sort((a, b) => b.phrase.length - a.phrase.length);
}

const VERBS = phraseList((locale) => CHECK_CONTENT[locale].understand.verbs);
const LEAD_INS = phraseList((locale) => CHECK_CONTENT[locale].understand.leadIns);
const TARGETS = phraseList((locale) => CHECK_CONTENT[locale].understand.targets);
const COMMANDS: Phrases = SLASH_COMMAND.map((phrase) => ({ phrase, locales: [] }));

/**
 * The longest phrase that `text` starts with as whole words (Chinese phrases need no space after
 * them), and the text after it; `undefined` when none does.
 */
function consume(text: string, phrases: Phrases): { rest: string; locales: readonly Locale[] } | undefined {
  for (const { phrase, locales } of phrases) {
    if (!text.startsWith(phrase)) continue;
    const rest = text.slice(phrase.length);
    const boundary =
      rest === '' || rest.startsWith(' ') || HAN.test(phrase.at(-1) ?? '') || HAN.test(rest[0] ?? '');
    if (boundary) return { rest: rest.trimStart(), locales };
  }
  return undefined;
}

/** The last word, as typed (a host keeps its own spelling), with a link's scheme and slash removed. */
function hostWord(word: string): string {
  const bare = word.replace(TRAILING_PUNCTUATION, '');
  const unlinked = bare.replace(/^https?:\/\//i, '');
  return unlinked.endsWith('/') ? unlinked.slice(0, -1) : unlinked;
}

/**
 * The last word of a one-line message names a host (a dot, then a letter: "mail.contoso.com",
 * "bücher.example"), an IPv4 address (four numbers) or an IPv6 address (a colon); "4.4.316" and
 * "mean?" do not.
 */
const ADDRESS_LIKE = /\.\S*\p{L}|^\[?\d{1,3}(?:\.\d{1,3}){3}|:/u;
const endsWithAddress = (text: string): boolean => {
  const trimmed = text.trimEnd();
  return ADDRESS_LIKE.test(trimmed.slice(trimmed.lastIndexOf(' ') + 1));
};

export function readCheckRequest(text: string): CheckRequest | undefined {
  // Every message passes here: most stop at these cheap tests.
  if (text.length > MAX_REQUEST_LENGTH || text.includes('\n') || !endsWithAddress(text)) return undefined;
  const words = text.replace(HAN_THEN_OTHER, '$1 ').trim().split(/\s+/);
  const last = words.pop();
  if (last === undefined || words.length === 0) return undefined;

  // The words are matched before the last one is parsed as an address.
  let rest = foldForMatching(words.join(' ')).replace(IGNORED_PUNCTUATION, ' ').replace(/\s+/g, ' ').trim();
  rest = consume(rest, COMMANDS)?.rest ?? rest;
  const leadIn = consume(rest, LEAD_INS);
  const verb = consume(leadIn?.rest ?? rest, VERBS);
  if (!verb) return undefined;
  const named = consume(verb.rest, TARGETS);
  if ((named?.rest ?? verb.rest) !== '') return undefined;
  const target = parseCheckTarget(hostWord(last));
  if (!target) return undefined;
  let locales = verb.locales;
  for (const words of [leadIn, named]) {
    const narrowed = locales.filter((locale) => words?.locales.includes(locale));
    if (narrowed.length > 0) locales = narrowed;
  }
  return { host: target.host, locales };
}

/**
 * The understanding of a check request: the `check` intent, with the target as the destination
 * server. Written in the words' language where only one language has them, or the client's where
 * it is one of them.
 */
export function checkUnderstanding(request: CheckRequest, clientLocale: Locale | undefined): Understanding {
  const [only, ...others] = request.locales;
  const writtenIn =
    only !== undefined && others.length === 0
      ? only
      : clientLocale && request.locales.includes(clientLocale)
        ? clientLocale
        : undefined;
  return {
    intent: 'check',
    codes: [],
    details: { server: request.host },
    ...(writtenIn ? { writtenIn } : {}),
  };
}
