import { BotIdentity } from '../../bots/slack/identity';

test('authorize never waits for auth.test, and uses the ids once known', async () => {
  let answer: (value: { user_id: string; bot_id: string }) => void = () => {};
  let calls = 0;
  const identity = new BotIdentity('xoxb-1', () => {
    calls += 1;
    return new Promise((resolve) => {
      answer = resolve;
    });
  });
  expect(await identity.authorize()).toEqual({ botToken: 'xoxb-1' });
  answer({ user_id: 'UBOT', bot_id: 'BBOT' });
  await identity.ids();
  expect(await identity.authorize()).toEqual({ botToken: 'xoxb-1', botUserId: 'UBOT', botId: 'BBOT' });
  expect(calls).toBe(1);
});

test('a failed auth.test is tried again', async () => {
  let calls = 0;
  const identity = new BotIdentity('xoxb-1', async () => {
    calls += 1;
    if (calls === 1) throw new Error('invalid_auth');
    return { user_id: 'UBOT' };
  });
  await expect(identity.ids()).rejects.toThrow('invalid_auth');
  await expect(identity.ids()).resolves.toEqual({ botUserId: 'UBOT' });
});
