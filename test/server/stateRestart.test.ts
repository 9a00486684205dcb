/**
 * What the bot remembers outlives a restart (STATE_URL=sqlite: on a temporary file), through real
 * HTTP on both channels: a language chosen before SIGTERM is used after the server starts again on
 * the same file, and a follow-up asked after it is about the answer given before it. SIGTERM ends the
 * server within 10 s with the file checkpointed: no write-ahead log left for the next start to replay.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEventId } from '../slack/support/slackRequests';
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

const SHUTDOWN_LIMIT_MS = 10_000;

let dir: string;
let file: string;
let farEnds: FarEnds;
let bot: Bot | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mailflow-restart-'));
  file = join(dir, 'state', 'mailflow.db');
  farEnds = await startFarEnds();
});

afterAll(async () => {
  await bot?.server.stop();
  await farEnds.close();
  rmSync(dir, { recursive: true, force: true });
});

/** SIGTERM; resolves with the exit code and how long the server took to end. */
async function terminate(running: Bot): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  const code = await running.server.stop();
  return { code, ms: Date.now() - started };
}

test('a chosen language and a follow-up survive a restart on the same SQLite file; SIGTERM leaves no WAL', async () => {
  const url = `sqlite:${file}`;
  bot = await startBot(url, farEnds);

  // Before: each user chooses a language, and each place gets an answer to follow up on.
  expect(await bot.teams(farEnds.teamsMessage(ALEX, 'lang it'))).toBe(200);
  expect(await bot.teams(farEnds.teamsMessage(MEGAN, '4.7.320'))).toBe(200);
  expect(farEnds.lastTeamsTitle()).toBe(expectedTitle('4.7.320'));
  expect(titleOfSlack(await bot.command('UOLA', 'lang pl'))).toBe(expectedTitle('lang pl'));
  const post = mentionEvent('USAM', 'what does 4.4.317 mean?');
  expect(await bot.event(post, newEventId())).toBe(200);
  expect(titleOfSlack(await farEnds.slackPostIn(String(post.ts), 1))).toBe(expectedTitle('4.4.317'));

  const first = await terminate(bot);
  expect(first.code).toBe(0);
  expect(first.ms).toBeLessThan(SHUTDOWN_LIMIT_MS);
  expect(bot.server.logs.filter((line) => line.level >= 50)).toEqual([]);
  // Checkpointed on close: whatever was written is in the file itself.
  const wal = `${file}-wal`;
  expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
  expect(statSync(file).size).toBeGreaterThan(0);

  bot = await startBot(url, farEnds);
  expect(bot.server.logs.find((line) => line.msg === 'state store ready')).toMatchObject({ state: 'sqlite' });

  // After: the choices hold, and follow-ups are about the answers given before the restart.
  expect(await bot.teams(farEnds.teamsMessage(ALEX, '4.4.315'))).toBe(200);
  expect(farEnds.lastTeamsTitle()).toBe(expectedTitle('4.4.315', { chosenLocale: 'it' }));
  expect(expectedTitle('4.4.315', { chosenLocale: 'it' })).not.toBe(expectedTitle('4.4.315'));
  expect(await bot.teams(farEnds.teamsMessage(MEGAN, 'how do I fix it?'))).toBe(200);
  expect(farEnds.lastTeamsTitle()).toBe(expectedTitle('how do I fix 4.7.320?'));

  expect(titleOfSlack(await bot.command('UOLA', '4.4.316'))).toBe(
    expectedTitle('4.4.316', { chosenLocale: 'pl' }),
  );
  expect(expectedTitle('4.4.316', { chosenLocale: 'pl' })).not.toBe(expectedTitle('4.4.316'));
  const followUp = mentionEvent('USAM', 'how do I fix it?', String(post.ts));
  expect(await bot.event(followUp, newEventId())).toBe(200);
  expect(titleOfSlack(await farEnds.slackPostIn(String(post.ts), 2))).toBe(
    expectedTitle('how do I fix 4.4.317?'),
  );

  const second = await terminate(bot);
  expect(second.code).toBe(0);
  expect(second.ms).toBeLessThan(SHUTDOWN_LIMIT_MS);
  expect(bot.server.stray).toEqual([]);
  bot = undefined;
});
