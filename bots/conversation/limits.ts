/**
 * Every lifetime, size and rate of the conversation layer, in one table: what the bot remembers and
 * for how long, how fast it answers one user or one conversation, how long a first answer may wait
 * for the user's client locale. A persistent store keeps the same lifetimes.
 */
import type { RateLimit } from '../runtime/tokenBuckets';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const CONVERSATION_LIMITS = {
  /**
   * A user's chosen language holds until changed (or `lang auto`), wherever they talk to the bot;
   * forgotten after 180 days unused. Using it renews it, at most once a day (one write a day).
   */
  languageChoice: { ttlMs: 180 * DAY, renewAfterMs: DAY, maxEntries: 100_000 },
  /** The last answer in a thread (channels) or a chat (personal chats, DMs), for follow-ups. */
  lastAnswer: { ttlMs: 7 * DAY, maxEntries: 50_000 },
  /**
   * Deliveries already handled, by the channel's id for them: Slack redelivers an event for about
   * half an hour, and a replayed signed request is accepted for 5 minutes.
   */
  delivery: { ttlMs: 2 * HOUR, maxEntries: 50_000 },
  /** After a rate-limit notice a user gets no other for this long, so a loop of bots gets no fuel. */
  notice: { ttlMs: MINUTE, maxEntries: 50_000 },
  /** Rate-limit buckets kept in memory at most; a refilled bucket is dropped sooner. */
  rateBuckets: { maxEntries: 50_000 },
  /**
   * A client locale the channel must look up (a Slack user's, through `users.info`): cached for a
   * day; a first answer waits for it this long at most, well inside Slack's 3 s for an ack.
   */
  clientLocale: { ttlMs: DAY, maxEntries: 50_000, waitMs: 1_000 },
} as const;

/** A bucket per user and one per conversation: a flood, or two bots in a loop, stop while others are answered. */
export interface RateLimitPair {
  user: RateLimit;
  conversation: RateLimit;
}

/**
 * Messages: 10 in a burst, then one every 2 s per user; 30, then two a second per conversation.
 * Clicks on a card (language, fix, share) and welcomes draw on their own, more generous buckets, so
 * that opening a card's details is never refused in normal use, however many questions came before.
 */
export const RATE_LIMITS: Readonly<Record<'message' | 'interaction', RateLimitPair>> = {
  message: { user: { burst: 10, perSecond: 0.5 }, conversation: { burst: 30, perSecond: 2 } },
  interaction: { user: { burst: 30, perSecond: 1 }, conversation: { burst: 60, perSecond: 4 } },
};

export type RateLimitKind = keyof typeof RATE_LIMITS;
