/**
 * The Redis backend against a real redis-server started for these tests: the contract, keys and
 * their TTLs, and the faults of a network (Redis away at start, killed, a connection cut while a
 * command is on its way, a server that stops answering, a wrong password).
 */
import Redis from 'ioredis';
import {
  openStateStore,
  parseStateSettings,
  STATE_ERROR_CODES,
  type StateStore,
} from '../../../bots/runtime/state';
import { captureLogger } from '../../support/captureLogger';
import { freePort, type RedisServer, startRedisServer } from '../../support/redisServer';
import { startTcpProxy } from '../../support/tcpProxy';
import { newWorkspace, PER_USER, sleep, stateContract } from './contract';

jest.setTimeout(30_000);

const ENCRYPTION_KEY = Buffer.alloc(32, 3).toString('base64');

let server: RedisServer;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await server?.stop();
});

async function openAt(stateUrl: string) {
  const log = captureLogger();
  const result = parseStateSettings({ STATE_URL: stateUrl, STATE_ENCRYPTION_KEY: ENCRYPTION_KEY }, '/');
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { store: await openStateStore(result.settings, { logger: log.logger }), log };
}

/** Every key of a database with its type's contents, read with a client of the test's own. */
async function dumpDatabase(url: string): Promise<{ key: string; ttlMs: number; text: string }[]> {
  const client = new Redis(url);
  try {
    const keys = await client.keys('*');
    return await Promise.all(
      keys.map(async (key) => {
        const type = await client.type(key);
        const text =
          type === 'hash' ? JSON.stringify(await client.hgetall(key)) : ((await client.get(key)) ?? '');
        return { key, ttlMs: await client.pttl(key), text };
      }),
    );
  } finally {
    client.disconnect();
  }
}

async function waitFor(condition: () => boolean, what: string, withinMs = 10_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not ${what} within ${withinMs} ms`);
    await sleep(25);
  }
}
const healthy = (store: StateStore) => () => store.health().status === 'ok';
const degraded = (store: StateStore) => () => store.health().status === 'degraded';

stateContract('redis', { shared: true, raw: true }, async () => ({
  open: async () => (await openAt(server.url(1))).store,
  rawContains: async (text) => (await dumpDatabase(server.url(1))).some((entry) => entry.text.includes(text)),
  cleanup: async () => {},
}));

test('every key is under mailflow: and has a TTL, installations included', async () => {
  const { store } = await openAt(server.url(2));
  const ws = newWorkspace();
  await store.set('languageChoice', `${ws}U1`, 'pl', 60_000);
  await store.firstSeen('delivery', `${ws}Ev1`, 60_000);
  await store.take(`${ws}U1`, PER_USER);
  await store.installations.put({ scope: 'team', teamId: 'T1' }, { bot: { token: 'xoxb-1' } });
  await store.close();
  const entries = await dumpDatabase(server.url(2));
  expect(entries).toHaveLength(4);
  for (const entry of entries) {
    expect(entry.key.startsWith('mailflow:')).toBe(true);
    expect(entry.ttlMs).toBeGreaterThan(0);
  }
});

test('two stores asking at once about the same events: each event is first exactly once', async () => {
  const [a, b] = [(await openAt(server.url(3))).store, (await openAt(server.url(3))).store];
  const ws = newWorkspace();
  const ask = (store: StateStore) =>
    Promise.all(Array.from({ length: 200 }, (_, i) => store.firstSeen('delivery', `${ws}Ev${i}`, 60_000)));
  const [fromA, fromB] = await Promise.all([ask(a), ask(b)]);
  expect([...fromA, ...fromB].filter(Boolean)).toHaveLength(200);
  await Promise.all([a.close(), b.close()]);
});

test('Redis away at start: the store starts degraded, answers from memory, and joins Redis when it comes', async () => {
  const port = await freePort();
  const { store, log } = await openAt(`redis://127.0.0.1:${port}/0`);
  let late: RedisServer | undefined;
  try {
    expect(store.health()).toMatchObject({ backend: 'redis', status: 'degraded' });
    const reason = store.health().status === 'degraded' ? JSON.stringify(store.health()) : '';
    expect(reason).toContain(`127.0.0.1:${port}`);
    expect(log.lines().find((line) => line.level === 50)).toMatchObject({ setting: 'STATE_URL' });

    const ws = newWorkspace();
    const seen = () => store.firstSeen('delivery', `${ws}Ev1`, 60_000);
    expect([await seen(), await seen()]).toEqual([true, false]);
    const take = () => store.take(`${ws}U1`, { burst: 1, perSecond: 0.01 });
    expect([await take(), await take()]).toEqual([true, false]);
    await store.set('languageChoice', `${ws}U1`, 'pl', 60_000);
    expect(await store.get('languageChoice', `${ws}U1`)).toBeUndefined();
    await expect(store.deleteByPrefix(ws)).rejects.toMatchObject({ code: STATE_ERROR_CODES.unavailable });
    await expect(store.installations.get({ scope: 'team', teamId: 'T1' })).rejects.toMatchObject({
      code: STATE_ERROR_CODES.unavailable,
    });

    late = await startRedisServer({ port });
    await waitFor(healthy(store), 'reconnected');
    expect(log.lines().some((line) => line.msg === 'state store: working again')).toBe(true);
    await store.set('languageChoice', `${ws}U1`, 'pl', 60_000);
    expect(await store.get('languageChoice', `${ws}U1`)).toBe('pl');
  } finally {
    await store.close();
    await late?.stop();
  }
});

test('Redis killed and restarted: degraded meanwhile, never throwing on the answer path, then back', async () => {
  const password = 'correct-horse-battery-staple';
  const guarded = await startRedisServer({ password });
  const { store, log } = await openAt(guarded.url());
  try {
    expect(store.health().status).toBe('ok');
    const ws = newWorkspace();
    expect(await store.take(`${ws}U0`, PER_USER)).toBe(true);
    await guarded.kill();
    await waitFor(degraded(store), 'degraded');
    expect(await store.firstSeen('delivery', `${ws}Ev1`, 60_000)).toBe(true);
    expect(await store.take(`${ws}U1`, PER_USER)).toBe(true);
    expect(await store.get('languageChoice', `${ws}U1`)).toBeUndefined();
    await guarded.restart();
    await waitFor(healthy(store), 'reconnected');
    // The restarted Redis has forgotten the take script: it is loaded again, not failed over.
    expect(await store.take(`${ws}U2`, PER_USER)).toBe(true);
    expect(store.health().status).toBe('ok');
    expect(log.text()).not.toContain(password);
    expect(log.lines().filter((line) => line.level === 50)).toHaveLength(1);
  } finally {
    await store.close();
    await guarded.stop();
  }
});

test('a connection cut while a command is on its way: the command falls back, nothing stored is lost', async () => {
  const proxy = await startTcpProxy(server.port);
  const { store } = await openAt(`redis://127.0.0.1:${proxy.port}/4`);
  try {
    const ws = newWorkspace();
    await store.set('languageChoice', `${ws}U1`, 'it', 60_000);
    proxy.hold();
    const inFlight = store.firstSeen('delivery', `${ws}Ev1`, 60_000);
    await sleep(50);
    proxy.cutAll();
    proxy.release();
    // Answered from this process's memory: the event is handled rather than dropped.
    expect(await inFlight).toBe(true);
    await waitFor(healthy(store), 'reconnected');
    expect(await store.get('languageChoice', `${ws}U1`)).toBe('it');
  } finally {
    await store.close();
    await proxy.close();
  }
});

test('a Redis that stops answering: a command gives up instead of hanging, and the store reconnects', async () => {
  const proxy = await startTcpProxy(server.port);
  const { store } = await openAt(`redis://127.0.0.1:${proxy.port}/4`);
  try {
    const ws = newWorkspace();
    proxy.hold();
    // A generous bound on a 1 s command timeout: what matters is that it ends at all.
    let timer: NodeJS.Timeout | undefined;
    const answer = await Promise.race([
      store.firstSeen('delivery', `${ws}Ev1`, 60_000),
      new Promise((resolve) => {
        timer = setTimeout(() => resolve('hung'), 5_000);
      }),
    ]);
    clearTimeout(timer);
    expect(answer).toBe(true);
    expect(store.health().status).toBe('degraded');
    // Known to be cut off, the store no longer waits on Redis: this process's memory answers.
    expect(await store.firstSeen('delivery', `${ws}Ev1`, 60_000)).toBe(false);
    proxy.release();
    proxy.cutAll();
    await waitFor(healthy(store), 'reconnected');
  } finally {
    await store.close();
    await proxy.close();
  }
});

test('a wrong password: degraded with the reason, and the password is in no log line', async () => {
  const guarded = await startRedisServer({ password: 'the-right-one' });
  const { store, log } = await openAt(`redis://:not-the-right-one@127.0.0.1:${guarded.port}/0`);
  try {
    const health = store.health();
    expect(health.status).toBe('degraded');
    expect(JSON.stringify(health)).toMatch(/WRONGPASS|NOAUTH|auth/i);
    expect(JSON.stringify(health)).not.toContain('not-the-right-one');
    expect(log.text()).not.toContain('not-the-right-one');
  } finally {
    await store.close();
    await guarded.stop();
  }
});
