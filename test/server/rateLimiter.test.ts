import { RateLimiter } from '../../bots/server/rateLimiter';

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
