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
  /** When the bucket is full again if nothing is taken: from then on it is the same as no bucket. */
  fullAt: number;
  noticeSent: boolean;
}

export interface RateLimiterOptions {
  perUser: RateLimit;
  perConversation: RateLimit;
  /**
   * Buckets kept at most; the least recently used go first. Bounds memory under any traffic; in
   * normal traffic a bucket is forgotten sooner, once it has refilled.
   */
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
    const bucket = this.buckets.get(key) ?? {
      tokens: limit.burst,
      updated: now,
      fullAt: now,
      noticeSent: false,
    };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.updated) / 1000) * limit.perSecond);
    bucket.updated = now;
    // Taking a token happens after this; the bucket is full one token's refill later at the latest.
    bucket.fullAt = now + ((limit.burst - bucket.tokens + 1) / limit.perSecond) * 1000;
    // Re-inserting keeps the Map in least-recently-used order for eviction.
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    this.forgetOldest(now);
    return bucket;
  }

  /**
   * Drops buckets from the least recently used end while there are too many or the oldest has
   * refilled (a full bucket decides nothing a new one would not), so that memory follows the users
   * of the last few seconds, not every user ever seen. Stops at the first bucket still refilling:
   * amortised constant time per check.
   */
  private forgetOldest(now: number): void {
    for (const [key, oldest] of this.buckets) {
      if (this.buckets.size <= this.options.maxKeys && oldest.fullAt > now) return;
      this.buckets.delete(key);
    }
  }
}
