/**
 * What a Slack answer's buttons and language picker carry, so that the bot can draw the answer again
 * (in another language, with a fold opened or closed) from the click alone. Slack sends an ephemeral
 * message's clicks without the message itself, so the state must ride on the elements.
 */
import {
  type AnswerRequest,
  FOLD_IDS,
  type FoldId,
  isLocale,
  type Locale,
  parseAnswerRequest,
} from '../../../core';

export interface CardState {
  request: AnswerRequest;
  locale: Locale;
  /** The folds shown open. */
  open: ReadonlySet<FoldId>;
}

/** `o`: one bit per fold, in `FOLD_IDS` order. */
type Compact = { r: AnswerRequest; l: Locale; o: number };

const ALL_FOLDS = (1 << FOLD_IDS.length) - 1;

const foldBits = (open: ReadonlySet<FoldId>): number =>
  FOLD_IDS.reduce((bits, id, index) => (open.has(id) ? bits | (1 << index) : bits), 0);

const foldsOf = (bits: number): Set<FoldId> =>
  new Set(FOLD_IDS.filter((_, index) => (bits & (1 << index)) !== 0));

/**
 * Answers drawn before the folds carried `f`, whether the fix was shown, beside always-shown causes;
 * their buttons still arrive from messages posted then.
 */
const fromFixFlag = (flag: 0 | 1): Set<FoldId> =>
  new Set<FoldId>(flag === 1 ? ['causes', 'steps', 'commands'] : ['causes']);

/**
 * The state as a string of at most `maxLength` characters. Where it doesn't fit (a block id holds 255),
 * the pasted remote reply, then the server name, then how codes relate are left out.
 */
export function encodeCardState(state: CardState, maxLength: number): string {
  const o = foldBits(state.open);
  const { remoteReply: _reply, ...withoutReply } = state.request.details;
  const { server: _server, ...withoutServer } = withoutReply;
  for (const details of [state.request.details, withoutReply, withoutServer]) {
    const compact: Compact = { r: { ...state.request, details }, l: state.locale, o };
    const encoded = JSON.stringify(compact);
    if (encoded.length <= maxLength) return encoded;
  }
  // Last resort: the codes alone, which always fit (at most six of at most nine characters).
  const codes = state.request.codes.map(({ code }) => ({ code }));
  const minimal: Compact = { r: { intent: state.request.intent, codes, details: {} }, l: state.locale, o };
  return JSON.stringify(minimal);
}

function openFolds(o: unknown, f: unknown): Set<FoldId> | undefined {
  if (Number.isInteger(o) && (o as number) >= 0 && (o as number) <= ALL_FOLDS) return foldsOf(o as number);
  if (o === undefined && (f === 0 || f === 1)) return fromFixFlag(f);
  return undefined;
}

/** Longest button value read back: Slack's own limit, so anything longer was not written by us. */
const MAX_VALUE_LENGTH = 2000;

/** A button value's JSON object, bounded before parsing; `undefined` for anything else. */
function parseButtonObject(value: string | undefined): Record<string, unknown> | undefined {
  if (!value || value.length > MAX_VALUE_LENGTH) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
}

/** The state, or `undefined` for anything that isn't a state this bot wrote. */
export function decodeCardState(value: string | undefined): CardState | undefined {
  const parsed = parseButtonObject(value);
  if (!parsed) return undefined;
  const { r, l, o, f } = parsed;
  const request = parseAnswerRequest(r);
  const open = openFolds(o, f);
  if (!request || !isLocale(l) || !open) return undefined;
  return { request, locale: l, open };
}

/** What "Check the server" carries: the server the pasted error named, and the card's language. */
export interface CheckButtonState {
  host: string;
  locale: Locale;
}

/** Longest host a button of ours carries back (a host name's 253 characters, with room to spare). */
const MAX_HOST_LENGTH = 300;

export const encodeCheckButton = (state: CheckButtonState): string =>
  JSON.stringify({ h: state.host, l: state.locale });

/**
 * The check asked for, or `undefined` for a value no button of ours wrote. The host is only bounded
 * here: the conversation layer checks that it names a server before anything runs.
 */
export function decodeCheckButton(value: string | undefined): CheckButtonState | undefined {
  const parsed = parseButtonObject(value);
  if (!parsed) return undefined;
  const { h, l } = parsed;
  return typeof h === 'string' && h.length <= MAX_HOST_LENGTH && isLocale(l)
    ? { host: h, locale: l }
    : undefined;
}
