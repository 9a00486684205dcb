/**
 * The token-bucket rule, as a pure function of the bucket's saved state and the time: the memory and
 * SQLite backends run it inside their own atomic step; the Redis backend runs the same rule as a Lua
 * script (redisScripts.ts), and one contract suite holds all three to it.
 *
 * Why not rate-limiter-flexible: its limiters count points in fixed windows, and its
 * BurstyRateLimiter adds a second fixed window for bursts, so the sustained rate is the base rate
 * plus the burst window's, and a refilled burst arrives all at once (its documentation says so).
 * "10 at once, then one every 2 s" cannot be said exactly; a token bucket says it in a few lines.
 */
import type { RateLimit } from './types';

export interface BucketState {
  readonly tokens: number;
  /** Epoch milliseconds of the last take. */
  readonly updatedAt: number;
}

export type TakeOutcome =
  /** Save `state` for `ttlMs`: then the bucket is full again, the same as no bucket. */
  | { readonly taken: true; readonly state: BucketState; readonly ttlMs: number }
  /** Nothing to save: the refill is computed from the last take's time. */
  | { readonly taken: false };

/** `saved` is undefined for a bucket never used or expired: a full one. */
export function takeToken(limit: RateLimit, saved: BucketState | undefined, now: number): TakeOutcome {
  // A clock that went back (another process's) refills nothing.
  const elapsedMs = saved ? Math.max(0, now - saved.updatedAt) : 0;
  const available = saved
    ? Math.min(limit.burst, saved.tokens + (elapsedMs / 1000) * limit.perSecond)
    : limit.burst;
  if (available < 1) return { taken: false };
  const tokens = available - 1;
  const ttlMs = Math.max(1, Math.ceil(((limit.burst - tokens) / limit.perSecond) * 1000));
  return { taken: true, state: { tokens, updatedAt: now }, ttlMs };
}
