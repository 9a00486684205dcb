/**
 * A test's own clock (the conversation layer's store contract moves time instead of waiting): memory
 * and SQLite keep time by it; Redis keeps its own and refuses one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStateStore, parseStateSettings, STATE_ERROR_CODES } from '../../../bots/runtime/state';
import { captureLogger } from '../../support/captureLogger';

const folder = mkdtempSync(join(tmpdir(), 'mailflow-clock-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function open(stateUrl: string, now: () => number) {
  const result = parseStateSettings({ STATE_URL: stateUrl }, '/');
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return openStateStore(result.settings, { logger: captureLogger().logger, now });
}

test.each([
  ['memory:', 'memory:'],
  ['sqlite:', `sqlite:${join(folder, 'state.db')}`],
])('%s: values, seen ids and buckets follow the given clock', async (_label, stateUrl) => {
  let now = 1_800_000_000_000;
  const store = await open(stateUrl, () => now);
  await store.set('lastAnswer', 'teams:chat-1', { codes: ['4.4.316'] }, 1_000);
  expect(await store.firstSeen('delivery', 'teams:a1', 1_000)).toBe(true);
  const limit = { burst: 1, perSecond: 1 };
  expect([
    await store.take('message:u:teams:alex', limit),
    await store.take('message:u:teams:alex', limit),
  ]).toEqual([true, false]);
  now += 1_000;
  expect(await store.get('lastAnswer', 'teams:chat-1')).toBeUndefined();
  expect(await store.firstSeen('delivery', 'teams:a1', 1_000)).toBe(true);
  expect(await store.take('message:u:teams:alex', limit)).toBe(true);
  await store.close();
});

test('Redis keeps its own time: a clock given to it is refused before any connection', async () => {
  await expect(open('redis://127.0.0.1:1/0', () => 0)).rejects.toMatchObject({
    code: STATE_ERROR_CODES.badInput,
  });
});
