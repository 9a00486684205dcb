/**
 * Finds enhanced status codes (RFC 3463 `class.subject.detail`) in a message, in one left-to-right
 * pass with no regular expressions, so the cost is linear in the input whatever it holds.
 */

/** Where a code stands relative to the code before it in the same line. */
export type CodeRelation =
  /** Quoted inside the outer code's `[Message=…]`: the destination server's own reply. */
  | { kind: 'remoteReply'; outer: string }
  /** Quoted inside an expiry code (x.4.7): what the delivery attempts ran into. */
  | { kind: 'cause'; outer: string };

export interface CodeMention {
  /** As written, after full-width forms are folded: `5.4.316` stays `5.4.316`. */
  code: string;
  /** The code is quoted inside another one; absent for a code that stands on its own. */
  relation?: CodeRelation;
}

const VALID_CLASSES = new Set(['2', '4', '5']);
/** Words after which a dotted triple is a version number, not a status code. */
const VERSION_WORDS = new Set([
  'v',
  'ver',
  'version',
  'versión',
  'versão',
  'versao',
  'versione',
  'wersja',
  'wersji',
  'build',
  'release',
  'rev',
  'node',
  'tls',
  '版本',
  'firmware',
  'fw',
  'patch',
  'os',
  'ios',
]);
/** Words after which a dotted triple is a date ("dal 4.5.26", "od 4.5.26"), not a status code. */
const DATE_WORDS = new Set([
  'since',
  'until',
  'till',
  'dated',
  'dal',
  'dall',
  'dalla',
  'fino',
  'desde',
  'hasta',
  'até',
  'ate',
  'od',
  'dnia',
  'depuis',
  'seit',
]);
/** An operating system's name before its version: "FortiOS 5.6.14", "PAN-OS 10.1.3". */
const SYSTEM_NAME = /OS$/;
/** Markers that open the remote server's quoted reply in Exchange Online errors. */
const QUOTE_MARKERS = ['message=', 'msg='];
const EXPIRY_DETAIL = '4.7';

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';
/**
 * Latin letters and digits glue onto a code ("x4.4.316" is no code); the letters of other scripts
 * don't: Chinese and Japanese write no spaces, Korean attaches its particles ("4.4.317오류가"), and
 * "ошибка4.4.312" is a typo's missing space, not one word.
 */
const ASCII_WORD_CHAR = /[A-Za-z0-9_]/;
const LATIN_WORD_CHAR = /[\p{Script=Latin}\p{N}_]/u;
const isWordChar = (ch: string | undefined): boolean => {
  if (ch === undefined) return false;
  // Most text around a code is ASCII, read without Unicode classes.
  if (ch.charCodeAt(0) < 128) return ASCII_WORD_CHAR.test(ch);
  return LATIN_WORD_CHAR.test(ch);
};

/** Reads 1–3 digits at `start`; returns the index after them, or -1 when there are none or more. */
function readDigits(text: string, start: number): number {
  let end = start;
  while (end < text.length && end - start <= 3 && isDigit(text[end])) end++;
  const count = end - start;
  return count >= 1 && count <= 3 ? end : -1;
}

/** The word just before `index` (skipping spaces), as written; short look-behind, constant cost. */
function previousWord(text: string, index: number): string {
  let end = index;
  while (end > 0 && text[end - 1] === ' ') end--;
  let start = end;
  while (start > 0 && end - start < 12 && /[\p{L}\p{N}_]/u.test(text[start - 1] ?? '')) start--;
  return text.slice(start, end);
}

/** Whether the word before a dotted triple makes it a version or a date. */
function namesVersionOrDate(word: string): boolean {
  const lower = word.toLowerCase();
  return VERSION_WORDS.has(lower) || DATE_WORDS.has(lower) || SYSTEM_NAME.test(word);
}

/** Reads a code starting at `start`; returns its end, or -1 when the text there is not a code. */
function readCode(text: string, start: number): number {
  if (!VALID_CLASSES.has(text[start] ?? '') || text[start + 1] !== '.') return -1;
  // Subjects are single digits 0–7 (RFC 3463 registers no other); this keeps dates like 4.11.26 out.
  const subject = text[start + 2];
  if (subject === undefined || subject < '0' || subject > '7' || text[start + 3] !== '.') return -1;
  const end = readDigits(text, start + 4);
  if (end < 0) return -1;
  // Part of a longer dotted number (an IP address, a four-part version): not a code.
  if (text[end] === '.' && isDigit(text[end + 1])) return -1;
  if (isWordChar(text[end]) || text[end] === '-') return -1;
  return end;
}

function startsCandidate(text: string, index: number): boolean {
  const before = text[index - 1];
  if (before === undefined) return true;
  if (isWordChar(before) || before === '/') return false;
  // "550-5.7.1" continues a reply code; "x-4.4.316" or "1.2-4.4.316" is part of something else.
  if (before === '-') return /^\d{3}$/.test(text.slice(Math.max(0, index - 4), index - 1));
  // "10.4.4.316" or "1.4.4.3": the triple continues a dotted number.
  return !(before === '.' && isDigit(text[index - 2]));
}

/** What the text between two codes says about the second: a new line, or an opened quote. */
function scanGap(gap: string): { newLine: boolean; opensQuote: boolean } {
  const lineStart = gap.lastIndexOf('\n') + 1;
  const lastLine = gap.slice(lineStart).toLowerCase();
  return { newLine: lineStart > 0, opensQuote: QUOTE_MARKERS.some((marker) => lastLine.includes(marker)) };
}

/** A code found in the text, with where it stands: `start` and `end` as string indices. */
export interface LocatedCode extends CodeMention {
  start: number;
  end: number;
}

/** Every code in `text` (already normalized), in order, repeats included, with how it relates. */
export function locateStatusCodes(text: string): LocatedCode[] {
  const found: LocatedCode[] = [];
  // The last code that stood on its own in the current line, and whether a quote opened after it.
  let outer: string | undefined;
  let insideQuote = false;
  let gapStart = 0;
  // A code's class digit stands just before a dot: only those places are read, found by indexOf.
  for (let from = 0; ; ) {
    const dot = text.indexOf('.', from + 1);
    if (dot < 0) break;
    const index = dot - 1;
    from = index + 1;
    if (!isDigit(text[index]) || !startsCandidate(text, index)) continue;
    const end = readCode(text, index);
    if (end < 0) continue;
    from = end;
    if (namesVersionOrDate(previousWord(text, index))) continue;
    // Each gap is scanned once, so the whole pass stays linear.
    const gap = scanGap(text.slice(gapStart, index));
    if (gap.newLine) {
      outer = undefined;
      insideQuote = false;
    }
    insideQuote ||= gap.opensQuote;
    const code = text.slice(index, end);
    if (outer !== undefined && insideQuote) {
      const kind = outer.slice(2) === EXPIRY_DETAIL ? 'cause' : 'remoteReply';
      found.push({ code, relation: { kind, outer }, start: index, end });
    } else {
      found.push({ code, start: index, end });
      outer = code;
      insideQuote = false;
    }
    gapStart = end;
  }
  return found;
}

/** Every code in `text` (already normalized), in order, repeats included, with how it relates. */
export function findStatusCodes(text: string): CodeMention[] {
  return locateStatusCodes(text).map(({ code, relation }) => (relation ? { code, relation } : { code }));
}
