import { type RateLimit, TokenBuckets } from '../../bots/runtime/tokenBuckets';

const LIMIT: RateLimit = { burst: 3, perSecond: 1 };

function buckets(clock: { t: number }, maxKeys = 100) {
  return new TokenBuckets({ maxKeys, now: () => clock.t });
}

test('a burst is allowed, then refused until tokens come back', () => {
  const clock = { t: 0 };
  const limits = buckets(clock);
  expect([1, 2, 3, 4, 5].map(() => limits.take('alice', LIMIT))).toEqual([true, true, true, false, false]);
  clock.t = 1000;
  expect(limits.take('alice', LIMIT)).toBe(true);
  expect(limits.take('alice', LIMIT)).toBe(false);
});

test('each key has its own bucket', () => {
  const limits = buckets({ t: 0 });
  for (let i = 0; i < 10; i++) limits.take('bot-a', LIMIT);
  expect(limits.take('bob', LIMIT)).toBe(true);
});

test('memory stays bounded however many keys come', () => {
  const limits = buckets({ t: 0 }, 10);
  for (let i = 0; i < 1000; i++) limits.take(`user${i}`, LIMIT);
  expect(limits.size).toBeLessThanOrEqual(10);
});

test('buckets are forgotten once they have refilled, so memory follows recent keys only', () => {
  const clock = { t: 0 };
  const limits = buckets(clock);
  for (let i = 0; i < 20; i++) limits.take(`user${i}`, LIMIT);
  expect(limits.size).toBe(20);
  // One token taken from 3, one a second back: full again after 1 s.
  clock.t = 1_000;
  limits.take('late', LIMIT);
  expect(limits.size).toBe(1);
});

test('a bucket still refilling is kept, and still refuses', () => {
  const clock = { t: 0 };
  const limits = buckets(clock);
  for (let i = 0; i < 4; i++) limits.take('alice', LIMIT);
  clock.t = 2_500;
  limits.take('bob', LIMIT);
  expect(limits.size).toBe(2);
  // Alice spent 3 tokens and got 2.5 back: two takes, then refused again.
  expect([1, 2, 3].map(() => limits.take('alice', LIMIT))).toEqual([true, true, false]);
});

/** The same token buckets, kept for ever: what the buckets must decide, forgetting or not. */
function neverForgetting(now: () => number) {
  const kept = new Map<string, { tokens: number; updated: number }>();
  return (key: string, limit: RateLimit): boolean => {
    const bucket = kept.get(key) ?? { tokens: limit.burst, updated: now() };
    bucket.tokens = Math.min(
      limit.burst,
      bucket.tokens + ((now() - bucket.updated) / 1000) * limit.perSecond,
    );
    bucket.updated = now();
    kept.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  };
}

test('forgetting changes no decision: bursts and pauses get what never-forgetting buckets would say', () => {
  const limits: Record<string, RateLimit> = { user: LIMIT, room: { burst: 5, perSecond: 2 } };
  const clock = { t: 0 };
  const ours = new TokenBuckets({ maxKeys: 1_000, now: () => clock.t });
  const reference = neverForgetting(() => clock.t);
  const decisions: [boolean, boolean][] = [];
  for (let i = 0; i < 3_000; i++) {
    // Mostly bursts a few ms apart, now and then a pause of up to 6 s.
    clock.t += i % 40 === 0 ? (i * 7919) % 6_000 : (i * 31) % 9;
    const kind = i % 2 === 0 ? 'user' : 'room';
    const key = `${kind}${(i * 13) % 5}`;
    const limit = limits[kind] ?? LIMIT;
    decisions.push([ours.take(key, limit), reference(key, limit)]);
  }
  expect(new Set(decisions.map(([decision]) => decision))).toEqual(new Set([true, false]));
  expect(decisions.filter(([a, b]) => a !== b)).toEqual([]);
  expect(ours.size).toBeLessThan(11);
});
