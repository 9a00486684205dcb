/** The token-bucket rule that the memory and SQLite backends run (Redis runs the same rule in Lua). */
import fc from 'fast-check';
import { type BucketState, takeTokens } from '../../../bots/runtime/state/tokenBucket';
import type { RateLimit } from '../../../bots/runtime/state/types';

const USER: RateLimit = { burst: 10, perSecond: 0.5 };

/** Runs takes at the given times on one bucket, saving what the rule says to save. */
function run(limit: RateLimit, times: readonly number[]): string[] {
  let saved: BucketState | undefined;
  let expiresAt = 0;
  return times.map((now) => {
    const outcome = takeTokens([{ limit, saved: now < expiresAt ? saved : undefined }], now);
    for (const write of outcome.writes) {
      saved = write.state;
      expiresAt = now + write.ttlMs;
    }
    return outcome.decision;
  });
}

test('10 at once, then one every 2 s; one notice per run of refusals', () => {
  const burst = Array(12).fill(0);
  expect(run(USER, [...burst, 1_999, 2_000, 2_001, 4_100])).toEqual([
    ...Array(10).fill('allow'),
    'refuseWithNotice',
    'refuseSilently',
    'refuseSilently',
    'allow',
    'refuseWithNotice',
    'allow',
  ]);
});

test('a bucket saved until it would be full: expired, it is the same as a new one', () => {
  const outcome = takeTokens([{ limit: USER, saved: undefined }], 0);
  // One token taken, refilled at 0.5 a second: full again in 2 s.
  expect(outcome.writes).toEqual([
    { bucket: expect.anything(), state: { tokens: 9, updatedAt: 0, noticeSent: false }, ttlMs: 2_000 },
  ]);
});

test('a clock that went back refills nothing and takes nothing extra', () => {
  const saved = { tokens: 0.5, updatedAt: 10_000, noticeSent: false };
  expect(takeTokens([{ limit: USER, saved }], 5_000).decision).toBe('refuseWithNotice');
});

test('property: over any stretch of time, no more are allowed than the burst plus the refill', () => {
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
        const decisions = run(limit, times);
        const allowed = decisions.filter((decision) => decision === 'allow').length;
        expect(allowed).toBeLessThanOrEqual(limit.burst + (now / 1000) * limit.perSecond + 1e-9);
        // Never two notices without an allowed take between them.
        const notices = decisions.join(',').match(/refuseWithNotice,(refuseSilently,)*refuseWithNotice/);
        expect(notices).toBeNull();
      },
    ),
  );
});
