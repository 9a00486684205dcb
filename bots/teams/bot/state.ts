/**
 * What the Teams bot remembers between turns. Both stores sit behind `KeyValueStore`, so a shared
 * store can replace the in-memory one when the bot runs on several instances.
 */
import type { AnswerRequest, Locale } from '../../../core';
import { type KeyValueStore, MemoryStore } from '../../runtime/memoryStore';

export interface TeamsState {
  /** The language each user chose (language command or a card's picker), by user key. */
  chosenLocales: KeyValueStore<Locale>;
  /** The last answer with codes, per conversation (per thread in channels), for follow-up questions. */
  lastRequests: KeyValueStore<AnswerRequest>;
}

const HOUR = 60 * 60 * 1000;

export function createMemoryState(now?: () => number): TeamsState {
  const clock = now ? { now } : {};
  return {
    // A language choice is a preference: keep it for a month of inactivity.
    chosenLocales: new MemoryStore<Locale>({ maxEntries: 50_000, ttlMs: 30 * 24 * HOUR, ...clock }),
    // "How do I fix it?" refers to what was just discussed; after two hours it no longer does.
    lastRequests: new MemoryStore<AnswerRequest>({ maxEntries: 20_000, ttlMs: 2 * HOUR, ...clock }),
  };
}
