/**
 * One contract for every backend: each backend's test file runs it against a real instance (memory,
 * a SQLite file, a redis-server). Each test uses a workspace of its own, so that tests share a
 * backend without seeing each other's data. Lifetimes in tests are short and real: no clock is faked,
 * so the backends' own expiry (Redis's included) is what is tested.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { InstallationKey, RateLimit, StateStore } from '../../../bots/runtime/state';
import { STATE_ERROR_CODES, StateError } from '../../../bots/runtime/state';

export interface ContractHarness {
  /** A store on the backend under test; called twice, the two stores share one backend's data. */
  open(): Promise<StateStore>;
  /** Whether this text appears anywhere in what the backend keeps (a file's bytes, Redis's values). */
  rawContains?(text: string): Promise<boolean>;
  cleanup(): Promise<void>;
}

export interface Capabilities {
  /** Two stores from `open` share data (false for memory:, where each store is its own). */
  readonly shared: boolean;
  /** The harness can read the backend's raw data (`rawContains`). */
  readonly raw: boolean;
}

/** The product's limits (per user 10 in a burst, then one every 2 s; per conversation 30, then two a second). */
export const PER_USER: RateLimit = { burst: 10, perSecond: 0.5 };
export const PER_CONVERSATION: RateLimit = { burst: 30, perSecond: 2 };

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const slackId = (prefix: string) => `${prefix}${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
/** A workspace's key prefix, as the conversation layer builds keys (`slack:T…:…`). */
export const newWorkspace = () => `slack:${slackId('T')}:`;
const teamKey = (): InstallationKey => ({ scope: 'team', teamId: slackId('T') });

async function takeMany(store: StateStore, key: string, limit: RateLimit, count: number): Promise<boolean[]> {
  const taken: boolean[] = [];
  for (let i = 0; i < count; i++) taken.push(await store.take(key, limit));
  return taken;
}

export function stateContract(
  name: string,
  capabilities: Capabilities,
  makeHarness: () => Promise<ContractHarness>,
): void {
  // Tests that a backend cannot take part in are not registered (memory: has no raw data to read).
  const rawTest = capabilities.raw ? test : () => undefined;
  const sharedTest = capabilities.shared ? test : () => undefined;

  describe(`state contract: ${name}`, () => {
    let harness: ContractHarness;
    let store: StateStore;

    beforeAll(async () => {
      harness = await makeHarness();
      store = await harness.open();
    });
    afterAll(async () => {
      await store?.close();
      await harness?.cleanup();
    });

    test('a value comes back as the same JSON until it expires; spaces are apart', async () => {
      const ws = newWorkspace();
      const request = {
        codes: ['4.4.316'],
        locale: 'pt-BR',
        details: { server: 'mail.contoso.com', port: 25 },
      };
      await store.set('lastAnswer', `${ws}C1:1700000000.000100`, request, 60_000);
      await store.set('languageChoice', `${ws}U1`, { locale: 'pl', renewedAt: 1 }, 400);
      expect(await store.get('lastAnswer', `${ws}C1:1700000000.000100`)).toEqual(request);
      expect(await store.get('languageChoice', `${ws}U1`)).toEqual({ locale: 'pl', renewedAt: 1 });
      expect(await store.get('lastAnswer', `${ws}U1`)).toBeUndefined();
      expect(await store.get('languageChoice', `${ws}U2`)).toBeUndefined();
      await sleep(600);
      expect(await store.get('languageChoice', `${ws}U1`)).toBeUndefined();
      expect(store.health()).toEqual({ backend: store.backend, status: 'ok' });
    });

    test('set replaces a value and its lifetime; delete removes one entry', async () => {
      const ws = newWorkspace();
      await store.set('languageChoice', `${ws}U1`, 'it', 100);
      await store.set('languageChoice', `${ws}U1`, 'es', 60_000);
      await store.set('languageChoice', `${ws}U2`, 'zh-CN', 60_000);
      await sleep(300);
      expect(await store.get('languageChoice', `${ws}U1`)).toBe('es');
      await store.delete('languageChoice', `${ws}U1`);
      expect(await store.get('languageChoice', `${ws}U1`)).toBeUndefined();
      expect(await store.get('languageChoice', `${ws}U2`)).toBe('zh-CN');
    });

    test('firstSeen is true once per id within its lifetime, even when asked many times at once', async () => {
      const ws = newWorkspace();
      const event = `${ws}Ev0123456789`;
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => store.firstSeen('delivery', event, 400)),
      );
      expect(answers.filter(Boolean)).toHaveLength(1);
      expect(await store.firstSeen('delivery', `${ws}Ev9876543210`, 400)).toBe(true);
      // Another space is another record.
      expect(await store.firstSeen('notice', event, 400)).toBe(true);
      await sleep(600);
      expect(await store.firstSeen('delivery', event, 400)).toBe(true);
    });

    test('a bucket allows its burst, refuses, and refills at its rate', async () => {
      const ws = newWorkspace();
      // A token a second: the takes have a second to run, the wait up to 0.9 s to overrun.
      const limit = { burst: 3, perSecond: 1 };
      expect(await takeMany(store, `${ws}U1`, limit, 5)).toEqual([true, true, true, false, false]);
      expect(await store.take(`${ws}U2`, limit)).toBe(true);
      await sleep(1_100);
      expect(await takeMany(store, `${ws}U1`, limit, 2)).toEqual([true, false]);
    });

    test('takeEach takes from each bucket in turn and stops at the first that has none', async () => {
      const ws = newWorkspace();
      // Slow refills: nothing comes back while the test runs.
      const one = { burst: 1, perSecond: 0.01 };
      const two = { burst: 2, perSecond: 0.01 };
      const user = `message:u:${ws}U1`;
      const conversation = `message:c:${ws}C1`;
      const both = () =>
        store.takeEach([
          { key: conversation, limit: one },
          { key: user, limit: two },
        ]);
      expect(await both()).toBe(true);
      // The conversation is empty now: the user's bucket is not touched.
      expect(await both()).toBe(false);
      expect(await takeMany(store, user, two, 2)).toEqual([true, false]);
      // A refusal by the second bucket leaves the first one's token taken, as separate takes would.
      const other = `message:u:${ws}U2`;
      expect(
        await store.takeEach([
          { key: other, limit: two },
          { key: user, limit: two },
        ]),
      ).toBe(false);
      expect(await takeMany(store, other, two, 2)).toEqual([true, false]);
    });

    test("the product's limits: 10 for a user in a burst, 30 for a conversation", async () => {
      const ws = newWorkspace();
      expect(await takeMany(store, `message:u:${ws}U0`, PER_USER, 12)).toEqual([
        ...Array(10).fill(true),
        false,
        false,
      ]);
      expect(await takeMany(store, `message:c:${ws}C1`, PER_CONVERSATION, 31)).toEqual([
        ...Array(30).fill(true),
        false,
      ]);
    });

    test('deleteByPrefix removes a workspace’s entries in every space and its buckets, and nothing else', async () => {
      const ws = newWorkspace();
      const longer = `${ws.slice(0, -1)}0:`;
      for (const prefix of [ws, longer]) {
        await store.set('languageChoice', `${prefix}U1`, { locale: 'pl', renewedAt: 1 }, 60_000);
        await store.set('lastAnswer', `${prefix}C1:1.2`, { codes: ['4.4.316'] }, 60_000);
        expect(await store.firstSeen('delivery', `${prefix}Ev1`, 60_000)).toBe(true);
        expect(await store.take(`${prefix}U1`, { burst: 1, perSecond: 0.01 })).toBe(true);
      }
      await store.deleteByPrefix(ws);
      expect(await store.get('languageChoice', `${ws}U1`)).toBeUndefined();
      expect(await store.get('lastAnswer', `${ws}C1:1.2`)).toBeUndefined();
      expect(await store.firstSeen('delivery', `${ws}Ev1`, 60_000)).toBe(true);
      expect(await store.take(`${ws}U1`, { burst: 1, perSecond: 0.01 })).toBe(true);
      expect(await store.get('languageChoice', `${longer}U1`)).toEqual({ locale: 'pl', renewedAt: 1 });
      expect(await store.firstSeen('delivery', `${longer}Ev1`, 60_000)).toBe(false);
      expect(await store.take(`${longer}U1`, { burst: 1, perSecond: 0.01 })).toBe(false);
    });

    test("deleteByPrefix takes the prefix literally: SQLite's and Redis's wildcards match only themselves", async () => {
      const root = newWorkspace();
      const literal = ['*:', '?:', '[ab]:', '%3A:', '\\:'];
      for (const part of [...literal, 'a:', 'x:'])
        await store.set('languageChoice', `${root}${part}U1`, part, 60_000);
      for (const part of literal) await store.deleteByPrefix(`${root}${part}`);
      for (const part of literal)
        expect(await store.get('languageChoice', `${root}${part}U1`)).toBeUndefined();
      expect(await store.get('languageChoice', `${root}a:U1`)).toBe('a:');
      expect(await store.get('languageChoice', `${root}x:U1`)).toBe('x:');
    });

    test('deleteByPrefix removes thousands of entries', async () => {
      const ws = newWorkspace();
      const keys = Array.from({ length: 2_500 }, (_, i) => `${ws}U${i}`);
      // In rounds of 250 at once, as a busy server would ask.
      for (let round = 0; round < keys.length; round += 250) {
        await Promise.all(
          keys.slice(round, round + 250).map((key) => store.set('languageChoice', key, 'pl', 60_000)),
        );
      }
      expect(await store.get('languageChoice', `${ws}U2499`)).toBe('pl');
      await store.deleteByPrefix(ws);
      const left: unknown[] = [];
      for (let round = 0; round < keys.length; round += 250) {
        left.push(
          ...(await Promise.all(
            keys.slice(round, round + 250).map((key) => store.get('languageChoice', key)),
          )),
        );
      }
      expect(left.filter((value) => value !== undefined)).toHaveLength(0);
    });

    test('wrong spaces, keys, lifetimes, limits and values are refused as bugs, before any backend sees them', async () => {
      const refusal = async (action: () => Promise<unknown>) => {
        try {
          await action();
        } catch (error) {
          return error instanceof StateError ? error.code : String(error);
        }
        return 'accepted';
      };
      const ws = newWorkspace();
      const bad = STATE_ERROR_CODES.badInput;
      expect(await refusal(() => store.get('languageChoice', ''))).toBe(bad);
      expect(await refusal(() => store.get('_slackInstallations', 'team:T1'))).toBe(bad);
      expect(await refusal(() => store.set('language choice', `${ws}U1`, 'x', 1_000))).toBe(bad);
      expect(await refusal(() => store.set('languageChoice', `${ws}U\n1`, 'x', 1_000))).toBe(bad);
      expect(await refusal(() => store.set('languageChoice', `${ws}U1`, 'x', 0))).toBe(bad);
      expect(await refusal(() => store.set('languageChoice', `${ws}U1`, 'x'.repeat(70_000), 1_000))).toBe(
        bad,
      );
      expect(await refusal(() => store.set('languageChoice', `${ws}U1`, undefined, 1_000))).toBe(bad);
      expect(await refusal(() => store.take(`${ws}U1`, { burst: 0, perSecond: 1 }))).toBe(bad);
      expect(await refusal(() => store.deleteByPrefix(''))).toBe(bad);
    });

    test('installations: put, get, delete; a workspace and an organization are apart', async () => {
      const team = teamKey();
      const enterprise: InstallationKey = { scope: 'enterprise', enterpriseId: slackId('E') };
      const installation = {
        team: { id: 'T1' },
        bot: { token: 'xoxb-team', refreshToken: 'xoxe-1', expiresAt: 1 },
      };
      await store.installations.put(team, installation);
      await store.installations.put(enterprise, { bot: { token: 'xoxb-org' } });
      expect(await store.installations.get(team)).toEqual(installation);
      expect(await store.installations.get(enterprise)).toEqual({ bot: { token: 'xoxb-org' } });
      await store.installations.delete(team);
      expect(await store.installations.get(team)).toBeUndefined();
      expect(await store.installations.get(enterprise)).toEqual({ bot: { token: 'xoxb-org' } });
    });

    rawTest('installation tokens never reach the backend in the clear', async () => {
      const sealed = `xoxb-${randomBytes(12).toString('hex')}`;
      const plain = `xoxb-${randomBytes(12).toString('hex')}`;
      await store.installations.put(teamKey(), { bot: { token: sealed } });
      await store.set('probe', `${newWorkspace()}plain`, plain, 60_000);
      // The same kind of text stored as a plain value is found: the search itself works.
      expect(await harness.rawContains?.(plain)).toBe(true);
      expect(await harness.rawContains?.(sealed)).toBe(false);
    });

    sharedTest('two stores on one backend share values, dedupe, one rate limit and deletions', async () => {
      const other = await harness.open();
      try {
        const ws = newWorkspace();
        await store.set('languageChoice', `${ws}U1`, 'it', 60_000);
        expect(await other.get('languageChoice', `${ws}U1`)).toBe('it');
        await other.set('lastAnswer', `${ws}C1:1.2`, { codes: ['4.4.316'] }, 60_000);
        expect(await store.get('lastAnswer', `${ws}C1:1.2`)).toEqual({ codes: ['4.4.316'] });

        expect(await store.firstSeen('delivery', `${ws}Ev1`, 60_000)).toBe(true);
        expect(await other.firstSeen('delivery', `${ws}Ev1`, 60_000)).toBe(false);

        const taken: boolean[] = [];
        for (let i = 0; i < 12; i++)
          taken.push(await (i % 2 === 0 ? store : other).take(`${ws}U1`, PER_USER));
        expect(taken).toEqual([...Array(10).fill(true), false, false]);

        const team = teamKey();
        await store.installations.put(team, { bot: { token: 'xoxb-shared' } });
        expect(await other.installations.get(team)).toEqual({ bot: { token: 'xoxb-shared' } });

        await other.deleteByPrefix(ws);
        expect(await store.get('languageChoice', `${ws}U1`)).toBeUndefined();
      } finally {
        await other.close();
      }
    });
  });
}
