/** Checks on what callers pass in, shared by every backend, so that each backend can trust its input. */
import { STATE_ERROR_CODES, StateError } from './errors';
import type { RateLimit } from './types';

const MAX_KEY = 512;
/** A stored value is small state (a language, a request to answer again), never a document. */
export const MAX_VALUE_BYTES = 64 * 1024;
/** Nothing is kept longer than this (installations included, which are renewed while in use). */
export const MAX_TTL_MS = 400 * 24 * 60 * 60 * 1000;

/** A caller's space: a letter first, so that the store's own spaces (`_…`) are out of its reach. */
const SPACE = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for.
const CONTROL = /[\u0000-\u001f\u007f]/;

function badInput(message: string): StateError {
  return new StateError(STATE_ERROR_CODES.badInput, message);
}

export function checkSpace(space: string): void {
  if (typeof space !== 'string' || !SPACE.test(space))
    throw badInput('a state space is a letter, then up to 31 letters, digits, "_" or "-"');
}

export function checkKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY || CONTROL.test(key))
    throw badInput(`a state key is 1-${MAX_KEY} printable characters`);
}

export function checkTtl(ttlMs: number): void {
  if (!Number.isInteger(ttlMs) || ttlMs < 1 || ttlMs > MAX_TTL_MS)
    throw badInput(`a lifetime is a whole number of milliseconds from 1 to ${MAX_TTL_MS}`);
}

export function checkLimit(limit: RateLimit): void {
  if (!(limit.burst >= 1 && limit.burst <= 1e6 && limit.perSecond > 0 && limit.perSecond <= 1e6))
    throw badInput('a rate limit needs a burst of at least 1 and a positive rate');
}

/** The JSON text of a value, bounded in size. */
export function serialize(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  if (text === undefined) throw badInput('a stored value must be plain JSON');
  if (Buffer.byteLength(text) > MAX_VALUE_BYTES)
    throw badInput(`a stored value is at most ${MAX_VALUE_BYTES} bytes of JSON`);
  return text;
}

/**
 * A key with `%` and `:` escaped, for backends that join a key with other parts into one string
 * (Redis): `:` then only ever separates parts. Escaping is character by character, so a prefix of
 * a key escapes to a prefix of the escaped key.
 */
export function escapeKey(key: string): string {
  return key.replace(/%/g, '%25').replace(/:/g, '%3A');
}
