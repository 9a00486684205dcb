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
 * The matches of a global pattern in `text`, as `text.matchAll(pattern)` finds them, without copying
 * the pattern: its `lastIndex` is set before each search, so a caller may use it between two matches.
 */
export function* globalMatches(text: string, pattern: RegExp, near?: Near): Generator<RegExpExecArray> {
  for (let position = 0; position <= text.length; ) {
    // No match starts more than `reach` before the next literal: the search starts there.
    const literalAt = near ? text.indexOf(near.literal, position) : position;
    if (literalAt < 0) return;
    pattern.lastIndex = Math.max(position, literalAt - (near?.reach ?? 0));
    const found = pattern.exec(text);
    if (!found) return;
    const end = found.index + found[0].length;
    // An empty match moves on by one character (a whole code point in a Unicode pattern), as matchAll does.
    position = end > found.index ? end : end + (pattern.unicode && isSurrogatePairAt(text, end) ? 2 : 1);
    yield found;
  }
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
 * The matches of `sticky` (the host-first pattern with the `y` flag) in `text`, as the same pattern
 * with the `g` flag would find them: each search starts where the last match ended. Each run is
 * scanned a bounded number of times, so the cost stays linear in the text.
 */
export function* hostFirstMatches(
  text: string,
  sticky: RegExp,
  characters: NameCharacters,
): Generator<RegExpExecArray> {
  let position = 0;
  while (position < text.length) {
    DOT_BEFORE_LETTER.lastIndex = position;
    const dot = DOT_BEFORE_LETTER.exec(text);
    if (!dot) return;
    let start = dot.index;
    while (start > 0 && isNameCode(text.charCodeAt(start - 1), characters)) start--;
    // A run that starts before `position` continues the last match's: no match starts inside it.
    let found: RegExpExecArray | null = null;
    if (start >= position) {
      sticky.lastIndex = start;
      found = sticky.exec(text);
    }
    if (found) {
      position = start + Math.max(1, found[0].length);
      yield found;
      continue;
    }
    let end = dot.index + 1;
    while (end < text.length && isNameCode(text.charCodeAt(end), characters)) end++;
    position = end;
  }
}
