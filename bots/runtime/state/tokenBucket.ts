/**
 * The token-bucket decision, as a pure function of the buckets' saved states and the time: the
 * memory and SQLite backends run it inside their own atomic step; the Redis backend runs the same
 * rule as a Lua script (redisScripts.ts), and one contract suite holds all three to it.
 *
 * Why not rate-limiter-flexible: its limiters count points in fixed windows, and its
 * BurstyRateLimiter adds a second fixed window for bursts, so the sustained rate is the base rate
 * plus the burst window's (a refilled burst arrives all at once; see its documentation). "10 at once,
 * then one every 2 s" cannot be said exactly. It also consumes from every limiter of a union even
 * when one refuses (a flooding user would drain their conversation's budget), and has no place for
 * the "notice already given" flag, which must change in the same atomic step as the take.
 */
import type { RateDecision, RateLimit } from './types';

export interface BucketState {
  readonly tokens: number;
  /** Epoch milliseconds of the last saved change. */
  readonly updatedAt: number;
  /** A refusal from this bucket was already announced since its last allowed take. */
  readonly noticeSent: boolean;
}

/** A bucket to save, and for how long: it expires when it would be full, the same as no bucket. */
export interface BucketWrite<B> {
  readonly bucket: B;
  readonly state: BucketState;
  readonly ttlMs: number;
}

export interface TakeOutcome<B> {
  readonly decision: RateDecision;
  readonly writes: readonly BucketWrite<B>[];
}

function refill(limit: RateLimit, saved: BucketState | undefined, now: number): BucketState {
  if (!saved) return { tokens: limit.burst, updatedAt: now, noticeSent: false };
  // A clock that went back (another replica's, on SQLite over a network share) refills nothing.
  const elapsedMs = Math.max(0, now - saved.updatedAt);
  const tokens = Math.min(limit.burst, saved.tokens + (elapsedMs / 1000) * limit.perSecond);
  return { tokens, updatedAt: now, noticeSent: saved.noticeSent };
}

const msUntilFull = (limit: RateLimit, tokens: number): number =>
  Math.max(1, Math.ceil(((limit.burst - tokens) / limit.perSecond) * 1000));

export interface SavedBucket {
  readonly limit: RateLimit;
  /** Undefined when the bucket was never used or has expired: a full bucket. */
  readonly saved: BucketState | undefined;
}

/** Each bucket comes back in the writes as given, so that callers keep their own keys on it. */
export function takeTokens<B extends SavedBucket>(buckets: readonly B[], now: number): TakeOutcome<B> {
  const current = buckets.map((bucket) => ({ bucket, ...refill(bucket.limit, bucket.saved, now) }));
  const limited = current.find(({ tokens }) => tokens < 1);
  if (!limited) {
    return {
      decision: 'allow',
      writes: current.map(({ bucket, tokens }) => ({
        bucket,
        state: { tokens: tokens - 1, updatedAt: now, noticeSent: false },
        ttlMs: msUntilFull(bucket.limit, tokens - 1),
      })),
    };
  }
  if (limited.noticeSent) return { decision: 'refuseSilently', writes: [] };
  const { bucket, tokens } = limited;
  return {
    decision: 'refuseWithNotice',
    writes: [
      {
        bucket,
        state: { tokens, updatedAt: now, noticeSent: true },
        ttlMs: msUntilFull(bucket.limit, tokens),
      },
    ],
  };
}
