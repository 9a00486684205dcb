/** The token-bucket rule that the memory and SQLite backends run (Redis runs the same rule in Lua). */
import fc from 'fast-check';
import { type BucketState, takeToken } from '../../../bots/runtime/state/tokenBucket';
import type { RateLimit } from '../../../bots/runtime/state/types';

const USER: RateLimit = { burst: 10, perSecond: 0.5 };

/** Runs takes at the given times on one bucket, saving what the rule says to save, for as long as it says. */
function run(limit: RateLimit, times: readonly number[]): boolean[] {
  let saved: BucketState | undefined;
  let expiresAt = 0;
  return times.map((now) => {
    const outcome = takeToken(limit, now < expiresAt ? saved : undefined, now);
    if (outcome.taken) {
      saved = outcome.state;
      expiresAt = now + outcome.ttlMs;
    }
    return outcome.taken;
  });
}

test('10 at once, then one every 2 s', () => {
  expect(run(USER, [...Array(12).fill(0), 1_999, 2_000, 2_001, 4_100])).toEqual([
    ...Array(10).fill(true),
    false,
    false,
    false,
    true,
    false,
    true,
  ]);
});

test('a bucket is saved until it would be full: expired, it is the same as a new one', () => {
  // One token taken, refilled at 0.5 a second: full again in 2 s.
  expect(takeToken(USER, undefined, 0)).toEqual({
    taken: true,
    state: { tokens: 9, updatedAt: 0 },
    ttlMs: 2_000,
  });
});

test('a clock that went back refills nothing', () => {
  expect(takeToken(USER, { tokens: 0.5, updatedAt: 10_000 }, 5_000)).toEqual({ taken: false });
});

test('property: over any stretch of time, no more are taken than the burst plus the refill', () => {
  fc.assert(
    fc.property(
      fc.record({
        burst: fc.integer({ min: 1, max: 40 }),
        perSecond: fc.double({ min: 0.1, max: 20, noNaN: true }),
      }),
      fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 200 }),
      (limit, gaps) => {
        let now = 0;
        const times = gaps.map((gap) => {
          now += gap;
          return now;
        });
        const taken = run(limit, times).filter(Boolean).length;
        expect(taken).toBeLessThanOrEqual(limit.burst + (now / 1000) * limit.perSecond + 1e-9);
        // And a bucket left alone refills: after a full refill time, a burst is there again.
        const later = now + Math.ceil((limit.burst / limit.perSecond) * 1000) + 1;
        expect(run(limit, [...times, ...Array(limit.burst).fill(later)]).slice(times.length)).toEqual(
          Array(limit.burst).fill(true),
        );
      },
    ),
  );
});
