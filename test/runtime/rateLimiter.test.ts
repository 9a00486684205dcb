import { type RateDecision, type RateLimit, RateLimiter } from '../../bots/runtime/rateLimiter';

function limiter(now: { t: number }) {
  return new RateLimiter({
    perUser: { burst: 3, perSecond: 1 },
    perConversation: { burst: 5, perSecond: 1 },
    maxKeys: 100,
    now: () => now.t,
  });
}

test('a burst is allowed, then one notice, then silence, then tokens come back', () => {
  const clock = { t: 0 };
  const limits = limiter(clock);
  expect([1, 2, 3].map(() => limits.check('alice', 'room'))).toEqual(['allow', 'allow', 'allow']);
  expect(limits.check('alice', 'room')).toBe('refuseWithNotice');
  expect(limits.check('alice', 'room')).toBe('refuseSilently');
  clock.t = 1000;
  expect(limits.check('alice', 'room')).toBe('allow');
  expect(limits.check('alice', 'room')).toBe('refuseWithNotice');
});

test('one flooding user does not take others’ turns in another conversation', () => {
  const limits = limiter({ t: 0 });
  for (let i = 0; i < 10; i++) limits.check('bot-a', 'loop');
  expect(limits.check('bob', 'incident')).toBe('allow');
});

test('a conversation has its own limit, so a loop between two bots stops', () => {
  const limits = limiter({ t: 0 });
  const decisions = Array.from({ length: 8 }, (_, i) =>
    limits.check(i % 2 === 0 ? 'bot-a' : 'bot-b', 'loop'),
  );
  expect(decisions.filter((decision) => decision === 'allow')).toHaveLength(5);
  expect(limits.check('carol', 'elsewhere')).toBe('allow');
});

test('memory stays bounded however many users come', () => {
  const limits = new RateLimiter({
    perUser: { burst: 1, perSecond: 1 },
    perConversation: { burst: 1, perSecond: 1 },
    maxKeys: 10,
  });
  for (let i = 0; i < 1000; i++) limits.check(`user${i}`, `room${i}`);
  expect(limits.size).toBeLessThanOrEqual(10);
});

test('buckets are forgotten once they have refilled, so memory follows recent users only', () => {
  const clock = { t: 0 };
  const limits = limiter(clock);
  for (let i = 0; i < 20; i++) limits.check(`user${i}`, `room${i}`);
  expect(limits.size).toBe(40);
  // A user bucket (3 tokens, 1 a second) is full again within 1 s of one message; a room's too.
  clock.t = 1_000;
  limits.check('late', 'late-room');
  expect(limits.size).toBe(2);
});

test('a bucket still refilling is kept, and still refuses', () => {
  const clock = { t: 0 };
  const limits = limiter(clock);
  for (let i = 0; i < 4; i++) limits.check('alice', 'room');
  clock.t = 2_500;
  limits.check('bob', 'other');
  expect(limits.size).toBe(4);
  // Alice spent 3 tokens and got 2.5 back: two messages, then refused again.
  expect(limits.check('alice', 'room')).toBe('allow');
  expect(limits.check('alice', 'room')).toBe('allow');
  expect(limits.check('alice', 'room')).toBe('refuseWithNotice');
});

/** The same token buckets, kept for ever: what the limiter must decide, forgetting or not. */
function neverForgetting(perUser: RateLimit, perConversation: RateLimit, now: () => number) {
  const buckets = new Map<string, { tokens: number; updated: number; noticeSent: boolean }>();
  const refilled = (key: string, limit: RateLimit) => {
    const bucket = buckets.get(key) ?? { tokens: limit.burst, updated: now(), noticeSent: false };
    bucket.tokens = Math.min(
      limit.burst,
      bucket.tokens + ((now() - bucket.updated) / 1000) * limit.perSecond,
    );
    bucket.updated = now();
    buckets.set(key, bucket);
    return bucket;
  };
  return (user: string, conversation: string): RateDecision => {
    const [u, c] = [refilled(`u:${user}`, perUser), refilled(`c:${conversation}`, perConversation)];
    if (u.tokens >= 1 && c.tokens >= 1) {
      u.tokens -= 1;
      c.tokens -= 1;
      u.noticeSent = c.noticeSent = false;
      return 'allow';
    }
    const limited = u.tokens < 1 ? u : c;
    if (limited.noticeSent) return 'refuseSilently';
    limited.noticeSent = true;
    return 'refuseWithNotice';
  };
}

test('forgetting changes no decision: bursts and pauses get what never-forgetting buckets would say', () => {
  const perUser = { burst: 3, perSecond: 1 };
  const perConversation = { burst: 5, perSecond: 2 };
  const clock = { t: 0 };
  const limits = new RateLimiter({ perUser, perConversation, maxKeys: 1_000, now: () => clock.t });
  const reference = neverForgetting(perUser, perConversation, () => clock.t);
  const decisions: [RateDecision, RateDecision][] = [];
  for (let i = 0; i < 3_000; i++) {
    // Mostly bursts a few ms apart, now and then a pause of up to 6 s.
    clock.t += i % 40 === 0 ? (i * 7919) % 6_000 : (i * 31) % 9;
    const [user, room] = [`user${(i * 13) % 5}`, `room${(i * 7) % 3}`];
    decisions.push([limits.check(user, room), reference(user, room)]);
  }
  expect(new Set(decisions.map(([decision]) => decision))).toEqual(
    new Set(['allow', 'refuseWithNotice', 'refuseSilently']),
  );
  expect(decisions.filter(([ours, expected]) => ours !== expected)).toEqual([]);
  expect(limits.size).toBeLessThan(16);
});
