/**
 * Token buckets kept in memory, by key: each take removes one token if there is one; tokens come
 * back at a steady rate up to the burst. The mechanism only: which buckets a message draws on, and
 * what a refusal means, is the conversation layer's rule.
 */

export interface RateLimit {
  /** Takes allowed in a burst: the bucket's size. */
  burst: number;
  /** Tokens regained per second. */
  perSecond: number;
}

interface Bucket {
  tokens: number;
  updated: number;
  /** When the bucket is full again if nothing is taken: from then on it is the same as no bucket. */
  fullAt: number;
}

export interface TokenBucketsOptions {
  /**
   * Buckets kept at most; the least recently used go first. Bounds memory under any traffic; in
   * normal traffic a bucket is forgotten sooner, once it has refilled.
   */
  maxKeys: number;
  now?: () => number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;

  constructor(private readonly options: TokenBucketsOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Takes one token from the bucket `key` (sized by `limit`); false when it has none. */
  take(key: string, limit: RateLimit): boolean {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: limit.burst, updated: now, fullAt: now };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.updated) / 1000) * limit.perSecond);
    bucket.updated = now;
    const taken = bucket.tokens >= 1;
    if (taken) bucket.tokens -= 1;
    bucket.fullAt = now + ((limit.burst - bucket.tokens) / limit.perSecond) * 1000;
    // Re-inserting keeps the Map in least-recently-used order for eviction.
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    this.forgetOldest(now);
    return taken;
  }

  /** Buckets currently kept. */
  get size(): number {
    return this.buckets.size;
  }

  /**
   * Drops buckets from the least recently used end while there are too many or the oldest has
   * refilled (a full bucket decides nothing a new one would not), so that memory follows the users
   * of the last few seconds, not every user ever seen. Stops at the first bucket still refilling:
   * amortised constant time per take.
   */
  private forgetOldest(now: number): void {
    for (const [key, oldest] of this.buckets) {
      if (this.buckets.size <= this.options.maxKeys && oldest.fullAt > now) return;
      this.buckets.delete(key);
    }
  }
}
