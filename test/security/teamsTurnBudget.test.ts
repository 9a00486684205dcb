/**
 * Finding 6: a connector that accepts and never answers held a Teams request 32 s (three 5 s
 * attempts for the reply, then three for the apology), past the 15 s Bot Framework allows a bot.
 * The reply's attempts and then the apology fit in one budget from the request's arrival.
 */
import { DEFAULT_OUTBOUND_POLICY } from '../../bots/runtime/outbound/policy';
import { DeliveryError, sendWithRetries } from '../../bots/runtime/outbound/sendWithRetries';
import { personalMessage } from '../teams/support/activities';
import { type Harness, startHarness } from '../teams/support/botHarness';

const BOT_FRAMEWORK_PATIENCE_MS = 15_000;

let bot: Harness;
beforeAll(async () => {
  bot = await startHarness({ mode: 'local' }, { outbound: DEFAULT_OUTBOUND_POLICY });
});
afterAll(() => bot.close());

test('with a connector that never answers, the request is answered within 15 s, the apology tried in time', async () => {
  bot.connector.failAlways('hang');
  const started = Date.now();
  const response = await fetch(`${bot.base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(personalMessage('4.4.316', { serviceUrl: bot.connector.url })),
    signal: AbortSignal.timeout(40_000),
  });
  await response.arrayBuffer();
  expect(Date.now() - started).toBeLessThan(BOT_FRAMEWORK_PATIENCE_MS);
  const sent = bot.connector.attempts.map((attempt) => (attempt.body.attachments ? 'reply' : 'apology'));
  expect(sent[0]).toBe('reply');
  expect(sent).toContain('apology');
  const failures = bot.logs.filter((line) => line.msg === 'outbound delivery failed');
  expect(failures).toHaveLength(2);
}, 45_000);

describe('a delivery with a deadline', () => {
  const policy = { ...DEFAULT_OUTBOUND_POLICY, baseDelayMs: 1_000, maxDelayMs: 4_000 };
  /** A clock that moves only when the delivery waits. */
  const fakeTime = () => {
    let now = 1_000_000;
    return {
      now: () => now,
      sleep: async (ms: number) => {
        now += ms;
      },
    };
  };
  const request = () => ({
    url: `${bot.connector.url}v3/conversations/a/activities`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });

  test('stops retrying when the next wait and attempt would not fit before it', async () => {
    bot.connector.failAlways({ status: 503 });
    const before = bot.connector.attempts.length;
    const time = fakeTime();
    const failure = await sendWithRetries(request(), policy, {
      ...time,
      random: () => 0.999,
      deadline: time.now() + 1_500,
    }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ reason: 'status', status: 503, attempts: 2 });
    expect(bot.connector.attempts.length - before).toBe(2);
  });

  test('makes no attempt at all once it has passed', async () => {
    const before = bot.connector.attempts.length;
    const time = fakeTime();
    const failure = await sendWithRetries(request(), policy, { ...time, deadline: time.now() + 100 }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(DeliveryError);
    expect(failure).toMatchObject({ reason: 'out-of-time', attempts: 0 });
    expect(bot.connector.attempts.length).toBe(before);
  });
});
