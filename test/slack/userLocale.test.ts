import { createLogger } from '../../bots/runtime/logger';
import { MemoryStore } from '../../bots/runtime/memoryStore';
import { UserLocales } from '../../bots/slack/userLocale';

test('messages of one user that arrive together share one users.info call, then the cache answers', async () => {
  let calls = 0;
  let release: (value: { user: { locale: string } }) => void = () => {};
  const client = {
    users: {
      info: () => {
        calls += 1;
        return new Promise<{ user: { locale: string } }>((resolve) => {
          release = resolve;
        });
      },
    },
  };
  const locales = new UserLocales(
    new MemoryStore<string>({ maxEntries: 10, ttlMs: 60_000 }),
    createLogger('silent'),
  );
  const lookups = [locales.lookUp(client, 'U1'), locales.lookUp(client, 'U1'), locales.lookUp(client, 'U1')];
  release({ user: { locale: 'pl-PL' } });
  expect(await Promise.all(lookups)).toEqual(['pl-PL', 'pl-PL', 'pl-PL']);
  expect(await locales.lookUp(client, 'U1')).toBe('pl-PL');
  expect(locales.cached('U1')).toBe('pl-PL');
  expect(calls).toBe(1);
});
