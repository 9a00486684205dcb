/**
 * Redis goes away mid-run (a real redis-server, killed) and comes back: the bot keeps answering on
 * both channels, says so in its log, and /readyz stays 200 while it reports the store as degraded (a
 * 503 would take every replica out at once); once Redis is back, the store works again by itself.
 */
import { type RedisServer, startRedisServer } from '../support/redisServer';
import { ALEX } from '../teams/support/activities';
import {
  type Bot,
  expectedTitle,
  type FarEnds,
  startBot,
  startFarEnds,
  titleOfSlack,
} from './support/statefulBots';

jest.setTimeout(60_000);

/** ioredis retries every 2 s at most; a loaded machine may take a few more to reconnect. */
const RECOVERY_BUDGET_MS = 20_000;

let redis: RedisServer | undefined;
let farEnds: FarEnds;
let bot: Bot | undefined;

beforeAll(async () => {
  redis = await startRedisServer();
  farEnds = await startFarEnds();
  bot = await startBot(redis.url(), farEnds);
});

afterAll(async () => {
  await bot?.server.stop();
  await farEnds?.close();
  await redis?.stop();
});

/** Answers on both channels: a Slack command's ack, and a Teams reply at the connector. */
async function answersBothChannels(running: Bot, code: string): Promise<void> {
  expect(titleOfSlack(await running.command('UOPS', code))).toBe(expectedTitle(code));
  const before = farEnds.connector.calls.length;
  expect(await running.teams(farEnds.teamsMessage(ALEX, code))).toBe(200);
  expect(farEnds.connector.calls.slice(before)[0]?.body.attachments?.[0]?.content.body[0].text).toBe(
    expectedTitle(code),
  );
}

async function readyzOnceStateIs(running: Bot, status: 'ok' | 'degraded') {
  const deadline = Date.now() + RECOVERY_BUDGET_MS;
  for (;;) {
    const readyz = await running.readyz();
    if ((readyz.body.state as { status?: string } | undefined)?.status === status || Date.now() > deadline)
      return readyz;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('the bot answers without Redis, /readyz stays 200 and says degraded, and it recovers when Redis is back', async () => {
  if (!bot || !redis) throw new Error('not started');
  expect(await bot.readyz()).toEqual({
    status: 200,
    body: { status: 'ready', state: { backend: 'redis', status: 'ok' } },
  });
  await answersBothChannels(bot, '4.4.316');

  await redis.kill();
  await answersBothChannels(bot, '4.4.317');
  expect(await readyzOnceStateIs(bot, 'degraded')).toEqual({
    status: 200,
    body: { status: 'ready', state: { backend: 'redis', status: 'degraded' } },
  });
  const degraded = bot.server.logs.filter((line) => line.msg.startsWith('state store degraded'));
  expect(degraded).toHaveLength(1);
  expect(degraded[0]).toMatchObject({ level: 50, setting: 'STATE_URL', state: 'redis' });
  await answersBothChannels(bot, '4.4.318');

  await redis.restart();
  expect(await readyzOnceStateIs(bot, 'ok')).toEqual({
    status: 200,
    body: { status: 'ready', state: { backend: 'redis', status: 'ok' } },
  });
  expect(bot.server.logs.filter((line) => line.msg === 'state store: working again')).toHaveLength(1);
  await answersBothChannels(bot, '4.7.320');
  expect(bot.server.exit()).toBeUndefined();
  expect(bot.server.stray).toEqual([]);
});
