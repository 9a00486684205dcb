/**
 * Per-user and per-conversation rate limits (token buckets). A user who floods the bot, or two bots
 * answering each other in a loop, run out of tokens; everyone else is unaffected. The first refusal
 * in a row gets a polite message, later ones are dropped silently, so a loop gets no fuel.
 */

export interface RateLimit {
  /** Messages allowed in a burst. */
  burst: number;
  /** Tokens regained per second. */
  perSecond: number;
}

export type RateDecision =
  | 'allow'
  /** Refused; tell the user once. */
  | 'refuseWithNotice'
  /** Refused again; say nothing. */
  | 'refuseSilently';

interface Bucket {
  tokens: number;
  updated: number;
  noticeSent: boolean;
}

export interface RateLimiterOptions {
  perUser: RateLimit;
  perConversation: RateLimit;
  /** Buckets kept at most; the least recently used go first. Bounds memory under any traffic. */
  maxKeys: number;
  now?: () => number;
}

export const DEFAULT_RATE_LIMITS: RateLimiterOptions = {
  perUser: { burst: 10, perSecond: 0.5 },
  perConversation: { burst: 30, perSecond: 2 },
  maxKeys: 50_000,
};

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;

  constructor(private readonly options: RateLimiterOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Takes one token from the user's and the conversation's buckets, if both have one. */
  check(userKey: string, conversationKey: string): RateDecision {
    const user = this.refilled(`u:${userKey}`, this.options.perUser);
    const conversation = this.refilled(`c:${conversationKey}`, this.options.perConversation);
    if (user.tokens >= 1 && conversation.tokens >= 1) {
      user.tokens -= 1;
      conversation.tokens -= 1;
      user.noticeSent = false;
      conversation.noticeSent = false;
      return 'allow';
    }
    const limited = user.tokens < 1 ? user : conversation;
    if (limited.noticeSent) return 'refuseSilently';
    limited.noticeSent = true;
    return 'refuseWithNotice';
  }

  /** Buckets currently kept. */
  get size(): number {
    return this.buckets.size;
  }

  private refilled(key: string, limit: RateLimit): Bucket {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: limit.burst, updated: now, noticeSent: false };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.updated) / 1000) * limit.perSecond);
    bucket.updated = now;
    // Re-inserting keeps the Map in least-recently-used order for eviction.
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    while (this.buckets.size > this.options.maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) break;
      this.buckets.delete(oldest);
    }
    return bucket;
  }
}
