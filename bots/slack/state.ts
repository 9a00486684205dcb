/**
 * What the Slack bot remembers between requests. Each store is bounded and forgets on its own, so
 * memory stays flat; each can be swapped for a shared store when the bot runs on several instances.
 */
import type { AnswerRequest, Locale } from '../../core';
import { type KeyValueStore, MemoryStore } from '../runtime/memoryStore';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export interface SlackState {
  /** The language each user chose (`/mailflow lang xx` or the picker), by user id. */
  chosenLocales: KeyValueStore<Locale>;
  /** Each user's Slack locale (`users.info`), by user id: refreshed daily, never looked up twice in a row. */
  userLocales: KeyValueStore<string>;
  /** The last request answered in each thread, by `channel:thread_ts`, for follow-ups without a code. */
  threadRequests: KeyValueStore<AnswerRequest>;
  /** Event ids already handled: Slack redelivers an event it thinks was missed. */
  seenEvents: KeyValueStore<true>;
}

export function createSlackState(): SlackState {
  return {
    chosenLocales: new MemoryStore<Locale>({ maxEntries: 50_000, ttlMs: 180 * DAY }),
    userLocales: new MemoryStore<string>({ maxEntries: 50_000, ttlMs: DAY }),
    threadRequests: new MemoryStore<AnswerRequest>({ maxEntries: 20_000, ttlMs: 7 * DAY }),
    // Slack retries within about half an hour (after 1, 5 and 30 minutes).
    seenEvents: new MemoryStore<true>({ maxEntries: 20_000, ttlMs: 2 * HOUR }),
  };
}

export const threadKey = (channel: string, threadTs: string): string => `${channel}:${threadTs}`;
