/**
 * Findings 9 and 10 (serviceUrl): an activity whose fields have the wrong JSON type is refused with
 * 400 at the boundary, instead of failing the turn and sending an apology (which failed too with
 * `locale: {}`); in local mode a serviceUrl with a user and password (sent on as Basic
 * authentication) or with braces (filled in by the connector client's URL template) is refused.
 */
import { personalMessage } from '../teams/support/activities';
import { type Harness, startHarness } from '../teams/support/botHarness';

let bot: Harness;
beforeAll(async () => {
  bot = await startHarness();
});
afterAll(() => bot.close());
beforeEach(() => {
  bot.connector.attempts.length = 0;
  bot.logs.length = 0;
});

const message = (fields: Record<string, unknown>) => ({
  ...personalMessage('4.4.316', { serviceUrl: bot.connector.url }),
  ...fields,
});

test.each([
  ['text as a number', { text: 316 }],
  ['text as an object', { text: { code: '4.4.316' } }],
  ['entities as an object', { entities: { type: 'mention' } }],
  ['entities with nulls', { entities: [null, { type: 'clientInfo' }] }],
  ['an entity without a type', { entities: [{ text: '<at>x</at>' }] }],
  ['locale as an object', { locale: {} }],
  ['from as a string', { from: 'alex' }],
  ['recipient without an id', { recipient: { name: 'Mail flow' } }],
  ['conversation.conversationType as a number', { conversation: { id: 'a:1', conversationType: 1 } }],
  ['membersAdded with nulls', { type: 'conversationUpdate', membersAdded: [null] }],
  ['replyToId as an array', { replyToId: ['1'] }],
  ['channelData as a string', { channelData: 'tenant' }],
  ['timestamp as an object', { timestamp: {} }],
])('%s is refused with 400, and nothing is sent', async (_name, fields) => {
  const response = await bot.post(message(fields));
  expect(response.status).toBe(400);
  expect(bot.connector.attempts).toEqual([]);
  expect(bot.logs.filter((line) => line.msg === 'turn failed')).toEqual([]);
  expect(bot.logs.filter((line) => line.msg === 'Teams request refused')).toHaveLength(1);
});

test('null for a field that may be absent is taken as absent', async () => {
  const response = await bot.post(message({ locale: null, entities: null, replyToId: null }));
  expect(response.status).toBe(200);
  expect(bot.connector.calls.at(-1)?.body.attachments).toHaveLength(1);
});

test.each([
  ['a user and password', (url: string) => url.replace('http://', 'http://admin:secret@')],
  ['a user only', (url: string) => url.replace('http://', 'http://admin@')],
  ['a {conversationId} placeholder', (url: string) => `${url}{conversationId}/`],
  ['an encoded placeholder brace', (url: string) => `${url}x}/`],
])('in local mode a serviceUrl with %s is refused, and never called', async (_name, serviceUrl) => {
  const response = await bot.post(message({ serviceUrl: serviceUrl(bot.connector.url) }));
  expect(response.status).toBe(400);
  expect(bot.connector.attempts).toEqual([]);
});
