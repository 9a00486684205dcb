/**
 * Ways to walk a pattern's matches that cost less than `String.prototype.matchAll`, with the same
 * matches in the same order. `matchAll` copies its pattern (a new RegExp) on every call, which for
 * the dozens of span and detail patterns tried on every message is most of their cost.
 *
 * Patterns that open with a host name ("mail.contoso.com", then a port, an address, a quoted reply)
 * and a look-behind that keeps them from starting inside a name cost the most when tried at every
 * position of a long line, as a global pattern is; yet they can match only at the start of a run of
 * name characters (nowhere else does the look-behind hold), and only in a run that holds a dot before
 * a letter (the top-level domain). So the runs are found first, with a quick search for a dot before
 * a letter, and the pattern is tried once at each run's start.
 */

/**
 * What every match of a pattern holds: `literal`, at most `reach` characters after the match's start.
 * The text before the next literal, less that reach, is then skipped without being searched.
 */
export interface Near {
  literal: string;
  reach: number;
}

/**
 * The first match of a global pattern in `text` at or after `position`, as the pattern's own search
 * from there finds it; `lastIndex` is set here, so a caller may use the pattern between two searches.
 */
export function globalMatchFrom(
  text: string,
  pattern: RegExp,
  position: number,
  near?: Near,
): RegExpExecArray | null {
  if (position > text.length) return null;
  // No match starts more than `reach` before the next literal: the search starts there.
  const literalAt = near ? text.indexOf(near.literal, position) : position;
  if (literalAt < 0) return null;
  pattern.lastIndex = Math.max(position, literalAt - (near?.reach ?? 0));
  return pattern.exec(text);
}

/**
 * Where the search after `found` starts, as matchAll moves on: at its end, or one character further
 * (a whole code point in a Unicode pattern) after an empty match.
 */
export function afterMatch(text: string, pattern: RegExp, found: RegExpExecArray): number {
  const end = found.index + found[0].length;
  return end > found.index ? end : end + (pattern.unicode && isSurrogatePairAt(text, end) ? 2 : 1);
}

/** The matches of a global pattern in `text`, as `text.matchAll(pattern)` finds them. */
export function* globalMatches(text: string, pattern: RegExp): Generator<RegExpExecArray> {
  for (
    let found = globalMatchFrom(text, pattern, 0);
    found;
    found = globalMatchFrom(text, pattern, afterMatch(text, pattern, found))
  )
    yield found;
}

const isSurrogatePairAt = (text: string, index: number): boolean => {
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff && index + 1 < text.length;
};

const DOT_BEFORE_LETTER = /\.[a-z]/gi;

/** What the pattern's look-behind rules out before a host: `[\w.-]`, and for some readers `@` too. */
export type NameCharacters = 'name' | 'nameOrAt';

const isNameCode = (code: number, characters: NameCharacters): boolean =>
  (code >= 97 && code <= 122) ||
  (code >= 65 && code <= 90) ||
  (code >= 48 && code <= 57) ||
  code === 95 /* _ */ ||
  code === 46 /* . */ ||
  code === 45 /* - */ ||
  (characters === 'nameOrAt' && code === 64); /* @ */

/**
 * The first match of `sticky` (the host-first pattern with the `y` flag) at or after `position`, as
 * the same pattern with the `g` flag would find it searching from there. Each run is scanned a
 * bounded number of times, so walking all matches stays linear in the text.
 */
export function hostFirstMatchFrom(
  text: string,
  sticky: RegExp,
  position: number,
  characters: NameCharacters,
): RegExpExecArray | null {
  for (let from = position; from < text.length; ) {
    DOT_BEFORE_LETTER.lastIndex = from;
    const dot = DOT_BEFORE_LETTER.exec(text);
    if (!dot) return null;
    let start = dot.index;
    while (start > 0 && isNameCode(text.charCodeAt(start - 1), characters)) start--;
    // A run that starts before `from` continues the last match's: no match starts inside it.
    if (start >= from) {
      sticky.lastIndex = start;
      const found = sticky.exec(text);
      if (found) return found;
    }
    let end = dot.index + 1;
    while (end < text.length && isNameCode(text.charCodeAt(end), characters)) end++;
    from = end;
  }
  return null;
}
