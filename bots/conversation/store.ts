/**
 * What the conversation layer keeps between messages, behind the few operations it needs. Every
 * operation is asynchronous, so that a store on disk or on a network (SQLite, Redis) implements the
 * same interface as the in-memory one; the ones that decide (`firstSeen`, `take`) must be atomic
 * across every process sharing the store.
 */
import type { AnswerRequest, Locale } from '../../core';
import type { RateLimit } from '../runtime/tokenBuckets';

/** A user's chosen language, and when it was last renewed (ms since the epoch). */
export interface StoredLanguageChoice {
  locale: Locale;
  renewedAt: number;
}

/** What each kind of value is; values are plain JSON. */
export interface StoredValues {
  /** By channel and user. */
  languageChoice: StoredLanguageChoice;
  /** By channel and thread (or chat): the request the last answer there answered. */
  lastAnswer: AnswerRequest;
}

export type ValueSpace = keyof StoredValues;

/** Ids remembered only to be recognised again. */
export type SeenSpace = 'delivery' | 'notice';

export interface ConversationStore {
  /**
   * The value kept under `key`, or `undefined` once expired or never set. Typed `unknown`: what comes
   * back from a store is checked by the reader before use.
   */
  get(space: ValueSpace, key: string): Promise<unknown>;
  set<S extends ValueSpace>(space: S, key: string, value: StoredValues[S], ttlMs: number): Promise<void>;
  delete(space: ValueSpace, key: string): Promise<void>;
  /** True the first time `key` is seen within `ttlMs`, false after: atomic, so one caller wins. */
  firstSeen(space: SeenSpace, key: string, ttlMs: number): Promise<boolean>;
  /** Takes one token from the bucket `key` (sized by `limit`); false when it has none. Atomic. */
  take(key: string, limit: RateLimit): Promise<boolean>;
  /**
   * Takes one token from each bucket in turn, stopping at the first that has none (those before it
   * keep theirs taken); true when every bucket gave one. A store may do it in one write.
   */
  takeEach(buckets: readonly { key: string; limit: RateLimit }[]): Promise<boolean>;
  /** Releases the store's resources; the last call on it. */
  close(): Promise<void>;
}
