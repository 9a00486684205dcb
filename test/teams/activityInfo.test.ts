/** Reading Teams activities: the text meant for the bot, the thread, the user. */
import type { Activity } from 'botbuilder';
import { textForBot, threadConversationId, userKey } from '../../bots/teams/bot/activityInfo';

const BOT = { id: '28:bot', name: 'Mail flow' };

const activity = (fields: Partial<Activity>): Activity =>
  ({
    type: 'message',
    id: '1700',
    recipient: BOT,
    from: { id: '29:alex', name: 'Alex' },
    conversation: { id: 'a:1', conversationType: 'personal' },
    ...fields,
  }) as Activity;

const mention = (account: { id: string; name: string }) => ({
  type: 'mention',
  text: `<at>${account.name}</at>`,
  mentioned: account,
});

test.each([
  ['<at>Mail flow</at> what does 4.4.316 mean?', [mention(BOT)], 'what does 4.4.316 mean?'],
  ['what does 4.4.316 mean <at>Mail flow</at>?', [mention(BOT)], 'what does 4.4.316 mean ?'],
  ['<at>Mail flow</at> <at>Mail flow</at> 4.4.316', [mention(BOT)], '4.4.316'],
  [
    '<at>Mail flow</at> ask <at>Megan</at> about 4.4.316',
    [mention(BOT), mention({ id: '29:megan', name: 'Megan' })],
    'ask <at>Megan</at> about 4.4.316',
  ],
  ['<at>Mail flow</at> 4.4.316', [], '<at>Mail flow</at> 4.4.316'],
  ['  4.4.316\n', undefined, '4.4.316'],
])('text for the bot of %j', (text, entities, expected) => {
  const incoming = activity({ text, ...(entities ? { entities } : {}) });
  expect(textForBot(incoming)).toBe(expected);
  expect(incoming.text).toBe(text);
});

test('a message without text has empty text', () => {
  expect(textForBot(activity({}))).toBe('');
});

test.each([
  [{ id: 'a:1', conversationType: 'personal' }, 'a:1'],
  [{ id: '19:g@thread.v2', conversationType: 'groupChat' }, '19:g@thread.v2'],
  [
    { id: '19:c@thread.tacv2;messageid=1600', conversationType: 'channel' },
    '19:c@thread.tacv2;messageid=1600',
  ],
  [{ id: '19:c@thread.tacv2', conversationType: 'channel' }, '19:c@thread.tacv2;messageid=1700'],
])('the thread of %j is %s', (conversation, expected) => {
  expect(threadConversationId(activity({ conversation: conversation as Activity['conversation'] }))).toBe(
    expected,
  );
});

test('users are keyed by Entra object id where Teams sends one', () => {
  expect(userKey(activity({ from: { id: '29:alex', name: 'Alex', aadObjectId: 'aad-1' } }))).toBe('aad-1');
  expect(userKey(activity({ from: { id: '29:alex', name: 'Alex' } }))).toBe('29:alex');
});
