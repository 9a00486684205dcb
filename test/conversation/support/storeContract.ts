/**
 * What every ConversationStore must do, whatever keeps the data (memory, SQLite, Redis): a suite a
 * backend's test runs with a factory for a fresh store and a clock the test moves.
 */
import type { ConversationStore } from '../../../bots/conversation/store';
import type { AnswerRequest } from '../../../core';

export interface Clock {
  now: number;
}

/** A fresh, empty store whose expiry and buckets follow `clock` (ms since the epoch). */
export type StoreFactory = (clock: Clock) => Promise<ConversationStore>;

const REQUEST: AnswerRequest = {
  intent: 'fix',
  codes: [{ code: '5.4.316', relation: { kind: 'cause', outer: '4.4.316' } }],
  details: { server: 'mail.contoso.com', port: 25 },
};

export function conversationStoreContract(name: string, create: StoreFactory): void {
  describe(`${name} as a conversation store`, () => {
    let clock: Clock;
    let store: ConversationStore;
    beforeEach(async () => {
      clock = { now: 1_800_000_000_000 };
      store = await create(clock);
    });
    afterEach(() => store.close());

    test('keeps a value as JSON, until it expires', async () => {
      await store.set('lastAnswer', 'teams:chat-1', REQUEST, 1_000);
      expect(await store.get('lastAnswer', 'teams:chat-1')).toEqual(REQUEST);
      clock.now += 999;
      expect(await store.get('lastAnswer', 'teams:chat-1')).toEqual(REQUEST);
      clock.now += 1;
      expect(await store.get('lastAnswer', 'teams:chat-1')).toBeUndefined();
    });

    test('keeps each kind of value apart, and forgets one on delete', async () => {
      await store.set('languageChoice', 'slack:T1:U1', { locale: 'pl', renewedAt: clock.now }, 60_000);
      expect(await store.get('lastAnswer', 'slack:T1:U1')).toBeUndefined();
      await store.set('languageChoice', 'slack:T1:U1', { locale: 'it', renewedAt: clock.now }, 60_000);
      expect(await store.get('languageChoice', 'slack:T1:U1')).toEqual({
        locale: 'it',
        renewedAt: clock.now,
      });
      await store.delete('languageChoice', 'slack:T1:U1');
      expect(await store.get('languageChoice', 'slack:T1:U1')).toBeUndefined();
    });

    test('says "first" once per id, across callers at once, and again after the id expired', async () => {
      const answers = await Promise.all([1, 2, 3].map(() => store.firstSeen('delivery', 'slack:Ev1', 1_000)));
      expect(answers.filter(Boolean)).toHaveLength(1);
      expect(await store.firstSeen('notice', 'slack:Ev1', 1_000)).toBe(true);
      clock.now += 1_000;
      expect(await store.firstSeen('delivery', 'slack:Ev1', 1_000)).toBe(true);
    });

    test('takes tokens from a bucket up to its burst, then at its rate', async () => {
      const limit = { burst: 3, perSecond: 2 };
      const takes = await Promise.all([1, 2, 3, 4].map(() => store.take('message:u:teams:alex', limit)));
      expect(takes.filter(Boolean)).toHaveLength(3);
      expect(await store.take('message:u:teams:megan', limit)).toBe(true);
      clock.now += 500;
      expect(await store.take('message:u:teams:alex', limit)).toBe(true);
      expect(await store.take('message:u:teams:alex', limit)).toBe(false);
    });

    test('takes from several buckets in turn, stopping at the first that has none', async () => {
      const limit = { burst: 1, perSecond: 1 };
      const user = { key: 'message:u:teams:lee', limit };
      const conversation = { key: 'message:c:teams:19:room', limit };
      expect(await store.takeEach([user, conversation])).toBe(true);
      expect(await store.takeEach([conversation, { key: 'message:u:teams:ana', limit }])).toBe(false);
      // Ana's bucket was not reached, so it still has its token.
      expect(await store.take('message:u:teams:ana', limit)).toBe(true);
    });
  });
}
