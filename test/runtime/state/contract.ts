/**
 * One contract for every backend: each backend's test file runs it against a real instance (memory,
 * a SQLite file, a redis-server). Each test uses owners of its own, so that tests share a backend
 * without seeing each other's data. Lifetimes in tests are short and real: no clock is faked, so the
 * backends' own expiry (Redis's included) is what is tested.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { InstallationKey, RateLimit, StateKey, StateStore } from '../../../bots/runtime/state';
import { STATE_ERROR_CODES, StateError } from '../../../bots/runtime/state';

export interface ContractHarness {
  /** A store on the backend under test; called twice, the two stores share one backend's data. */
  open(): Promise<StateStore>;
  /**
   * Whether this text appears anywhere in what the backend keeps (a file's bytes, Redis's values);
   * absent for memory:, whose data no one else can read.
   */
  rawContains?(text: string): Promise<boolean>;
  cleanup(): Promise<void>;
}

/** The product's limits (issue: per user 10 in a burst, then one every 2 s; per conversation 30, then two a second). */
export const PER_USER: RateLimit = { burst: 10, perSecond: 0.5 };
export const PER_CONVERSATION: RateLimit = { burst: 30, perSecond: 2 };

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const newOwner = (label = 'slack') => `${label}:T${randomUUID().slice(0, 8).toUpperCase()}`;
const key = (owner: string, kind: string, id: string): StateKey => ({ owner, kind, id });
const slackId = (prefix: string) => `${prefix}${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
const teamKey = (): InstallationKey => ({ scope: 'team', teamId: slackId('T') });

async function takeMany(store: StateStore, buckets: Parameters<StateStore['take']>[0], count: number) {
  const decisions: string[] = [];
  for (let i = 0; i < count; i++) decisions.push(await store.take(buckets));
  return decisions;
}

export interface Capabilities {
  /** Two stores from `open` share data (false for memory:, where each store is its own). */
  readonly shared: boolean;
  /** The harness can read the backend's raw data (`rawContains`). */
  readonly raw: boolean;
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

    test('a value comes back as the same JSON until it expires', async () => {
      const owner = newOwner();
      const value = { locale: 'pt-BR', codes: ['4.4.316'], nested: { n: 1.5, ok: true, none: null } };
      await store.set(key(owner, 'followUp', 'C1:1700000000.000100'), value, 60_000);
      await store.set(key(owner, 'language', 'U1'), 'pl', 400);
      expect(await store.get(key(owner, 'followUp', 'C1:1700000000.000100'))).toEqual(value);
      expect(await store.get(key(owner, 'language', 'U1'))).toBe('pl');
      expect(await store.get(key(owner, 'language', 'U2'))).toBeUndefined();
      await sleep(600);
      expect(await store.get(key(owner, 'language', 'U1'))).toBeUndefined();
      expect(store.health()).toEqual({ backend: store.backend, status: 'ok' });
    });

    test('set replaces a value and its lifetime; delete removes one entry', async () => {
      const owner = newOwner();
      await store.set(key(owner, 'language', 'U1'), 'it', 100);
      await store.set(key(owner, 'language', 'U1'), 'es', 60_000);
      await store.set(key(owner, 'language', 'U2'), 'zh-CN', 60_000);
      await sleep(300);
      expect(await store.get(key(owner, 'language', 'U1'))).toBe('es');
      await store.delete(key(owner, 'language', 'U1'));
      expect(await store.get(key(owner, 'language', 'U1'))).toBeUndefined();
      expect(await store.get(key(owner, 'language', 'U2'))).toBe('zh-CN');
    });

    test('an entry read with renewal lives on; one read without it expires', async () => {
      const owner = newOwner();
      await store.set(key(owner, 'language', 'used'), 'pl', 600);
      await store.set(key(owner, 'language', 'unused'), 'pl', 600);
      await sleep(150);
      expect(await store.get(key(owner, 'language', 'used'), { renewTtlMs: 5_000 })).toBe('pl');
      expect(await store.get(key(owner, 'language', 'unused'))).toBe('pl');
      await sleep(700);
      expect(await store.get(key(owner, 'language', 'used'))).toBe('pl');
      expect(await store.get(key(owner, 'language', 'unused'))).toBeUndefined();
    });

    test('firstSeen is true once per id within its lifetime, even when asked many times at once', async () => {
      const owner = newOwner();
      const event = key(owner, 'event', 'Ev0123456789');
      const answers = await Promise.all(Array.from({ length: 20 }, () => store.firstSeen(event, 400)));
      expect(answers.filter(Boolean)).toHaveLength(1);
      expect(await store.firstSeen(key(owner, 'event', 'Ev9876543210'), 400)).toBe(true);
      await sleep(600);
      expect(await store.firstSeen(event, 400)).toBe(true);
    });

    test('a burst, then one notice, then silence; refilled, it allows again and may notify again', async () => {
      const owner = newOwner();
      // A token a second: the five takes have a second to run, the wait up to 0.9 s to overrun.
      const bucket = [{ key: key(owner, 'rate', 'U1'), limit: { burst: 3, perSecond: 1 } }];
      expect(await takeMany(store, bucket, 5)).toEqual([
        'allow',
        'allow',
        'allow',
        'refuseWithNotice',
        'refuseSilently',
      ]);
      await sleep(1_100);
      expect(await takeMany(store, bucket, 3)).toEqual(['allow', 'refuseWithNotice', 'refuseSilently']);
    });

    test("the product's limits: 10 for a user in a burst, 30 for a conversation; other users go on", async () => {
      const owner = newOwner();
      const conversation = { key: key(owner, 'rate', 'conversation:C1'), limit: PER_CONVERSATION };
      const user = (id: string) => ({ key: key(owner, 'rate', `user:${id}`), limit: PER_USER });
      const flood = await takeMany(store, [user('U0'), conversation], 12);
      expect(flood).toEqual([...Array(10).fill('allow'), 'refuseWithNotice', 'refuseSilently']);
      // The refused takes took nothing from the conversation: 20 of its 30 are left, for other users.
      const others: string[] = [];
      for (let i = 1; i <= 21; i++) others.push(await store.take([user(`U${i}`), conversation]));
      expect(others).toEqual([...Array(20).fill('allow'), 'refuseWithNotice']);
    });

    test('a refused take takes nothing from the buckets that had a token', async () => {
      const owner = newOwner();
      const small = { key: key(owner, 'rate', 'small'), limit: { burst: 1, perSecond: 0.01 } };
      const large = { key: key(owner, 'rate', 'large'), limit: { burst: 2, perSecond: 0.01 } };
      expect(await store.take([small, large])).toBe('allow');
      expect(await store.take([small, large])).toBe('refuseWithNotice');
      expect(await store.take([large])).toBe('allow');
      expect(await store.take([large])).toBe('refuseWithNotice');
    });

    test("deleteOwner removes an owner's values, seen ids and buckets, and nothing of another owner", async () => {
      const owner = `${newOwner()}*[?]%:x`;
      const longer = `${owner}0`;
      const bucket = (who: string) => [{ key: key(who, 'rate', 'U1'), limit: { burst: 1, perSecond: 0.01 } }];
      for (const who of [owner, longer]) {
        await store.set(key(who, 'language', 'U1'), 'pl', 60_000);
        await store.set(key(who, 'followUp', 'C1:1.2'), { code: '4.4.316' }, 60_000);
        expect(await store.firstSeen(key(who, 'event', 'Ev1'), 60_000)).toBe(true);
        expect(await store.take(bucket(who))).toBe('allow');
      }
      await store.deleteOwner(owner);
      expect(await store.get(key(owner, 'language', 'U1'))).toBeUndefined();
      expect(await store.get(key(owner, 'followUp', 'C1:1.2'))).toBeUndefined();
      expect(await store.firstSeen(key(owner, 'event', 'Ev1'), 60_000)).toBe(true);
      expect(await store.take(bucket(owner))).toBe('allow');
      expect(await store.get(key(longer, 'language', 'U1'))).toBe('pl');
      expect(await store.firstSeen(key(longer, 'event', 'Ev1'), 60_000)).toBe(false);
      expect(await store.take(bucket(longer))).toBe('refuseWithNotice');
    });

    test('deleteOwner removes thousands of entries', async () => {
      const owner = newOwner();
      const ids = Array.from({ length: 2_500 }, (_, i) => `U${i}`);
      // In rounds of 250 at once, as a busy server would ask.
      for (let round = 0; round < ids.length; round += 250) {
        await Promise.all(
          ids.slice(round, round + 250).map((id) => store.set(key(owner, 'language', id), 'pl', 60_000)),
        );
      }
      expect(await store.get(key(owner, 'language', 'U2499'))).toBe('pl');
      await store.deleteOwner(owner);
      const left: unknown[] = [];
      for (let round = 0; round < ids.length; round += 250) {
        left.push(
          ...(await Promise.all(
            ids.slice(round, round + 250).map((id) => store.get(key(owner, 'language', id))),
          )),
        );
      }
      expect(left.filter((value) => value !== undefined)).toHaveLength(0);
    });

    test('wrong keys, lifetimes and values are refused as bugs, before any backend sees them', async () => {
      const refusal = async (action: () => Promise<unknown>) => {
        try {
          await action();
        } catch (error) {
          return error instanceof StateError ? error.code : String(error);
        }
        return 'accepted';
      };
      const owner = newOwner();
      const bad = STATE_ERROR_CODES.badInput;
      expect(await refusal(() => store.get(key('', 'language', 'U1')))).toBe(bad);
      expect(await refusal(() => store.set(key('_slack-installations', 'team', 'T1'), 'x', 1_000))).toBe(bad);
      expect(await refusal(() => store.set(key(owner, 'language', 'U\n1'), 'x', 1_000))).toBe(bad);
      expect(await refusal(() => store.set(key(owner, 'language', 'U1'), 'x', 0))).toBe(bad);
      expect(await refusal(() => store.set(key(owner, 'language', 'U1'), 'x'.repeat(70_000), 1_000))).toBe(
        bad,
      );
      expect(await refusal(() => store.take([]))).toBe(bad);
      expect(await refusal(() => store.deleteOwner(''))).toBe(bad);
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
      await store.set(key(newOwner(), 'probe', 'plain'), plain, 60_000);
      // The same kind of text stored as a plain value is found: the search itself works.
      expect(await harness.rawContains?.(plain)).toBe(true);
      expect(await harness.rawContains?.(sealed)).toBe(false);
    });

    sharedTest('two stores on one backend share values, dedupe, one rate limit and deletions', async () => {
      const other = await harness.open();
      try {
        const owner = newOwner();
        await store.set(key(owner, 'language', 'U1'), 'it', 60_000);
        expect(await other.get(key(owner, 'language', 'U1'))).toBe('it');
        await other.set(key(owner, 'followUp', 'C1:1.2'), { code: '4.4.316' }, 60_000);
        expect(await store.get(key(owner, 'followUp', 'C1:1.2'))).toEqual({ code: '4.4.316' });

        expect(await store.firstSeen(key(owner, 'event', 'Ev1'), 60_000)).toBe(true);
        expect(await other.firstSeen(key(owner, 'event', 'Ev1'), 60_000)).toBe(false);

        const bucket = [{ key: key(owner, 'rate', 'user:U1'), limit: PER_USER }];
        const decisions: string[] = [];
        for (let i = 0; i < 12; i++) decisions.push(await (i % 2 === 0 ? store : other).take(bucket));
        expect(decisions).toEqual([...Array(10).fill('allow'), 'refuseWithNotice', 'refuseSilently']);

        const team = teamKey();
        await store.installations.put(team, { bot: { token: 'xoxb-shared' } });
        expect(await other.installations.get(team)).toEqual({ bot: { token: 'xoxb-shared' } });

        await other.deleteOwner(owner);
        expect(await store.get(key(owner, 'language', 'U1'))).toBeUndefined();
      } finally {
        await other.close();
      }
    });
  });
}
