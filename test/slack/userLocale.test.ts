import { createLogger } from '../../bots/runtime/logger';
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
  const locales = new UserLocales(createLogger('silent'));
  const lookups = [1, 2, 3].map(() => locales.lookUp(client, 'T1', 'U1'));
  release({ user: { locale: 'pl-PL' } });
  expect(await Promise.all(lookups)).toEqual(['pl-PL', 'pl-PL', 'pl-PL']);
  expect(await locales.lookUp(client, 'T1', 'U1')).toBe('pl-PL');
  expect(locales.cached('T1', 'U1')).toBe('pl-PL');
  // The same user id in another workspace is another user.
  expect(locales.cached('T2', 'U1')).toBeUndefined();
  expect(calls).toBe(1);
});
