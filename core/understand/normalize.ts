import { foldTraditionalChinese } from './chinese';

/** Longest message the core reads, in UTF-16 code units; the rest of a longer paste is ignored. */
export const MAX_MESSAGE_LENGTH = 16 * 1024;

/**
 * Chat markup around what the user wrote. Slack links keep their label (`<mailto:a@b|a@b>` → `a@b`,
 * `<http://x|x>` → `x`) or their target; mentions (Slack `<@U…>`, `<#C…>`, `<!here>`, Teams
 * `<at>…</at>`) are nobody's words. Every class is bounded and no quantifier nests.
 */
const LABELLED_LINK = /<(?:https?:\/\/|mailto:)[^\s|<>]{1,2000}\|([^<>\n]{0,2000})>/gi;
const BARE_LINK = /<((?:https?:\/\/|mailto:)[^\s|<>]{1,2000})>/gi;
const SLACK_MENTION = /<[@#!][^<>\s]{1,200}>/g;
const TEAMS_MENTION = /<at\b[^<>]{0,200}>[^<>]{0,200}<\/at>/gi;
const HTML_TAG = /<\/?(?:p|div|span|br|b|i|strong|em|pre|code|a)\b[^<>]{0,500}>/gi;
const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&apos;': "'",
  '&nbsp;': ' ',
};
const HTML_ENTITY = /&(?:amp|lt|gt|quot|#39|apos|nbsp);/g;
/** Text that has nothing to fold but its case, nothing to normalize, no script but Latin. */
const NON_ASCII = /[^\p{ASCII}]/u;
export const isAscii = (text: string): boolean => !NON_ASCII.test(text);

/** A log or a JSON string pasted with its escapes: `450\n4.4.316` is two lines, not one word. */
const LITERAL_ESCAPE = /\\r\\n|\\[nrt]/g;

/**
 * Bounds the input, folds compatibility forms (full-width digits and dots, ligatures) into their
 * plain forms, so `４.４.３１６` reads as `4.4.316`, and turns literal escapes into what they stand
 * for. NFKC keeps the string's meaning for every language we read.
 */
export function normalizeMessage(text: string): string {
  const bounded = text.slice(0, MAX_MESSAGE_LENGTH);
  // ASCII has nothing NFKC changes, and most messages are ASCII.
  const normalized = isAscii(bounded) ? bounded : bounded.normalize('NFKC');
  return normalized.includes('\\')
    ? normalized.replace(LITERAL_ESCAPE, (sequence) => (sequence === '\\t' ? ' ' : '\n'))
    : normalized;
}

/**
 * The message without chat markup: mentions are nobody's words, links read as their label. What
 * the user pasted is shown back as they pasted it, so the remote server's words are read before this.
 */
export function withoutChatMarkup(text: string): string {
  // Every kind of markup opens with one of these two; most messages hold neither.
  if (!text.includes('<') && !text.includes('&')) return text;
  return text
    .replace(TEAMS_MENTION, ' ')
    .replace(SLACK_MENTION, ' ')
    .replace(LABELLED_LINK, (_link, label: string) => label)
    .replace(BARE_LINK, (_link, target: string) => target.replace(/^mailto:/i, ''))
    .replace(HTML_TAG, ' ')
    .replace(HTML_ENTITY, (entity) => HTML_ENTITIES[entity] ?? entity);
}

const COMBINING_MARKS = /\p{M}/gu;
const CURLY_APOSTROPHES = /[\u2018\u2019\u02bc]/g;
/** Letters without a decomposition that people leave out all the same ("polaczenie", "blad"). */
const UNDECOMPOSED = /[łß]/g;

/**
 * Case- and accent-insensitive form used to match vocabulary: "Conexión RECHAZADA" and
 * "conexion rechazada" fold to the same text, so do "połączenie" and "polaczenie", and so do
 * Traditional and Simplified Chinese ("連線被拒絕", "连接被拒绝").
 */
export function foldForMatching(text: string): string {
  if (isAscii(text)) return text.toLowerCase();
  return foldTraditionalChinese(text)
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(CURLY_APOSTROPHES, "'")
    .replace(UNDECOMPOSED, (letter) => (letter === 'ł' ? 'l' : 'ss'));
}
