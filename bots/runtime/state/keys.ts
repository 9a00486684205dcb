/** Checks on what callers pass in, shared by every backend, so that each backend can trust its input. */
import { STATE_ERROR_CODES, StateError } from './errors';
import type { BucketTake, StateKey } from './types';

const MAX_OWNER = 128;
const MAX_KIND = 64;
const MAX_ID = 512;
/** A stored value is small state (a language, a request to answer again), never a document. */
export const MAX_VALUE_BYTES = 64 * 1024;
/** Nothing is kept longer than this (installations included, which are renewed while in use). */
export const MAX_TTL_MS = 400 * 24 * 60 * 60 * 1000;
/** Owners starting with this are the store's own (installations). */
export const RESERVED_OWNER_PREFIX = '_';

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for.
const CONTROL = /[\u0000-\u001f\u007f]/;

function badInput(message: string): StateError {
  return new StateError(STATE_ERROR_CODES.badInput, message);
}

function checkPart(name: string, value: string, max: number): void {
  if (typeof value !== 'string' || value.length === 0 || value.length > max || CONTROL.test(value))
    throw badInput(`state key ${name} must be 1-${max} printable characters`);
}

export function checkOwner(owner: string): void {
  checkPart('owner', owner, MAX_OWNER);
}

/** A key from a caller: the store's own owners are out of its reach. */
export function checkKey(key: StateKey): void {
  checkOwner(key.owner);
  if (key.owner.startsWith(RESERVED_OWNER_PREFIX))
    throw badInput(`state key owners starting with "${RESERVED_OWNER_PREFIX}" are reserved`);
  checkPart('kind', key.kind, MAX_KIND);
  checkPart('id', key.id, MAX_ID);
}

export function checkTtl(ttlMs: number): void {
  if (!Number.isInteger(ttlMs) || ttlMs < 1 || ttlMs > MAX_TTL_MS)
    throw badInput(`a lifetime must be a whole number of milliseconds from 1 to ${MAX_TTL_MS}`);
}

export function checkBuckets(buckets: readonly BucketTake[]): void {
  if (buckets.length === 0 || buckets.length > 8) throw badInput('a take names 1 to 8 buckets');
  for (const { key, limit } of buckets) {
    checkKey(key);
    if (!(limit.burst >= 1 && limit.burst <= 1e6 && limit.perSecond > 0 && limit.perSecond <= 1e6))
      throw badInput('a rate limit needs a burst from 1 and a positive rate');
  }
}

/** The JSON text of a value, bounded in size. */
export function serialize(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw badInput('a stored value must be JSON');
  if (Buffer.byteLength(text) > MAX_VALUE_BYTES)
    throw badInput(`a stored value is at most ${MAX_VALUE_BYTES} bytes of JSON`);
  return text;
}

/**
 * One string for a key, for backends keyed by a single string (memory, Redis). `%` and `:` are
 * escaped inside each part, so that `:` only ever separates parts and an owner's keys share one
 * exact prefix (`slack:T1` never matches `slack:T10`).
 */
export function keyPart(part: string): string {
  return part.replace(/%/g, '%25').replace(/:/g, '%3A');
}

export function ownerPrefix(owner: string): string {
  return `${keyPart(owner)}:`;
}

export function flatKey(key: StateKey): string {
  return `${ownerPrefix(key.owner)}${keyPart(key.kind)}:${keyPart(key.id)}`;
}
