/**
 * Two replicas on one Redis (a real redis-server on a free loopback port), each a server process of
 * its own, as behind a load balancer that sends each request to either: a Slack retry delivered to
 * the other replica is answered once, a language chosen on one is used by the other, a follow-up
 * asked on the other is about the answer given on the first, and a user's rate limit is one limit
 * across both. Without redis-server these tests fail, saying why.
 */

import { RATE_LIMITS } from '../../bots/conversation/limits';
import { rateLimitedText } from '../../core';
import { newEventId } from '../slack/support/slackRequests';
import { type RedisServer, startRedisServer } from '../support/redisServer';
import { ALEX, MEGAN } from '../teams/support/activities';
import {
  type Bot,
  expectedTitle,
  type FarEnds,
  mentionEvent,
  startBot,
  startFarEnds,
  titleOfSlack,
} from './support/statefulBots';

jest.setTimeout(60_000);

let redis: RedisServer | undefined;
let farEnds: FarEnds;
let one: Bot;
let other: Bot;

beforeAll(async () => {
  redis = await startRedisServer();
  farEnds = await startFarEnds();
  [one, other] = await Promise.all([startBot(redis.url(), farEnds), startBot(redis.url(), farEnds)]);
});

afterAll(async () => {
  await Promise.all([one?.server.stop(), other?.server.stop()]);
  await farEnds?.close();
  await redis?.stop();
});

const postsIn = (root: string) =>
  farEnds.slack.callsOf('chat.postMessage').filter((call) => call.body.thread_ts === root);

const LOG_WAIT_MS = 10_000;

/** Resolves once `bot` has logged a line that matches; fails after LOG_WAIT_MS. */
async function logged(bot: Bot, matches: (line: Record<string, unknown>) => boolean): Promise<void> {
  const deadline = Date.now() + LOG_WAIT_MS;
  while (!bot.server.logs.some(matches)) {
    if (Date.now() > deadline) throw new Error(`no such log line within ${LOG_WAIT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test('both replicas use the shared store', () => {
  for (const bot of [one, other])
    expect(bot.server.logs.find((line) => line.msg === 'state store ready')).toMatchObject({
      state: 'redis',
    });
});

test('a Slack retry delivered to the other replica is answered exactly once', async () => {
  const post = mentionEvent('URETRY', 'what does 4.4.318 mean?');
  const eventId = newEventId();
  expect(await one.event(post, eventId)).toBe(200);
  expect(titleOfSlack(await farEnds.slackPostIn(String(post.ts), 1))).toBe(expectedTitle('4.4.318'));

  expect(await other.event(post, eventId, 1)).toBe(200);
  await logged(
    other,
    (line) => line.msg === 'ignored a delivery already handled' && line.deliveryId === eventId,
  );
  expect(postsIn(String(post.ts))).toHaveLength(1);
});

test('a language chosen on one replica is used by the other', async () => {
  expect(titleOfSlack(await one.command('UOLA', 'lang es'))).toBe(expectedTitle('lang es'));
  expect(titleOfSlack(await other.command('UOLA', '4.4.316'))).toBe(
    expectedTitle('4.4.316', { chosenLocale: 'es' }),
  );
  expect(expectedTitle('4.4.316', { chosenLocale: 'es' })).not.toBe(expectedTitle('4.4.316'));

  expect(await one.teams(farEnds.teamsMessage(ALEX, 'lang it'))).toBe(200);
  expect(await other.teams(farEnds.teamsMessage(ALEX, '4.4.315'))).toBe(200);
  expect(farEnds.lastTeamsTitle()).toBe(expectedTitle('4.4.315', { chosenLocale: 'it' }));
});

test('a follow-up asked on the other replica is about the answer given on the first', async () => {
  const post = mentionEvent('USAM', 'what does 4.4.317 mean?');
  expect(await one.event(post, newEventId())).toBe(200);
  expect(titleOfSlack(await farEnds.slackPostIn(String(post.ts), 1))).toBe(expectedTitle('4.4.317'));
  expect(await other.event(mentionEvent('USAM', 'how do I fix it?', String(post.ts)), newEventId())).toBe(
    200,
  );
  expect(titleOfSlack(await farEnds.slackPostIn(String(post.ts), 2))).toBe(
    expectedTitle('how do I fix 4.4.317?'),
  );

  expect(await one.teams(farEnds.teamsMessage(MEGAN, '4.7.320'))).toBe(200);
  expect(await other.teams(farEnds.teamsMessage(MEGAN, 'how do I fix it?'))).toBe(200);
  expect(farEnds.lastTeamsTitle()).toBe(expectedTitle('how do I fix 4.7.320?'));
});

test('a user’s burst is one limit across both replicas, with one notice for the run of refusals', async () => {
  const { burst, perSecond } = RATE_LIMITS.message.user;
  const sent = burst + 6;
  const started = Date.now();
  // All at once, every other one to each replica: each replica alone sees fewer than the burst.
  const acks = await Promise.all(
    Array.from({ length: sent }, (_, i) =>
      (i % 2 === 0 ? one : other).command('UFLOOD', '4.4.316', 'CFLOOD'),
    ),
  );
  const seconds = (Date.now() - started) / 1000;
  const answers = acks.filter((ack) => titleOfSlack(ack) !== undefined).length;
  const notices = acks.filter((ack) => ack?.text === rateLimitedText('en'));
  const silent = acks.filter((ack) => ack === undefined).length;
  // Tokens refill while the requests are handled: one every 2 s; on time, exactly the burst.
  expect(answers).toBeGreaterThanOrEqual(burst);
  expect(answers).toBeLessThanOrEqual(burst + Math.floor(seconds * perSecond));
  expect(notices).toHaveLength(1);
  expect(answers + notices.length + silent).toBe(sent);
});

test('on SIGTERM each replica exits within 10 s with status 0, which it gives only once its store has closed', async () => {
  const started = Date.now();
  expect(await Promise.all([one.server.stop(), other.server.stop()])).toEqual([0, 0]);
  expect(Date.now() - started).toBeLessThan(10_000);
  for (const bot of [one, other]) {
    expect(bot.server.logs.filter((line) => line.level >= 50)).toEqual([]);
    expect(bot.server.stray).toEqual([]);
  }
});
