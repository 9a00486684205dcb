/** Messages to the bot, through real HTTP: the answer card, its language, its thread, follow-ups. */
import { followUpWithoutThreadText } from '../../core';
import { cardIssues } from '../support/adaptiveCards';
import { ALEX, channelMention, MEGAN, personalMessage } from './support/activities';
import { type Harness, startHarness } from './support/botHarness';
import { ADAPTIVE, cardIn, stepsShown, titleOf } from './support/cards';

let bot: Harness;
beforeEach(async () => {
  bot = await startHarness();
});
afterEach(() => bot.close());

const ask = (text: string, options: { locale?: string; from?: typeof ALEX } = {}) =>
  bot.post(personalMessage(text, { serviceUrl: bot.connector.url, ...options }));

test('a personal message gets the answer card as a reply to it', async () => {
  const message = personalMessage('what does 4.4.316 mean?', { serviceUrl: bot.connector.url });
  expect((await bot.post(message)).status).toBe(200);

  expect(bot.connector.calls).toHaveLength(1);
  const [reply] = bot.connector.calls;
  expect(reply).toMatchObject({
    method: 'POST',
    conversationId: message.conversation.id,
    activityId: message.id,
  });
  expect(reply?.body.attachments[0].contentType).toBe(ADAPTIVE);
  expect(cardIssues(cardIn(reply))).toEqual([]);
  expect(titleOf(reply)).toBe('4.4.316 Connection refused');
  expect(JSON.stringify(cardIn(reply))).toContain('**Fix now**');
});

test.each([
  ['¿qué significa 4.4.316?', 'en-US', '4.4.316 Conexión rechazada'],
  ['what does 4.4.316 mean?', 'es-ES', '4.4.316 Connection refused'],
  ['4.4.316', 'pt-BR', '4.4.316 Conexão recusada'],
  ['4.4.316', 'zh-CN', '4.4.316 连接被拒绝'],
  ['4.4.316', 'fr-FR', '4.4.316 Connection refused'],
])('"%s" from a %s client is answered as "%s"', async (text, locale, title) => {
  await ask(text, { locale });
  expect(titleOf(bot.connector.calls[0])).toBe(title);
});

test('a channel post that mentions the bot is answered in its thread, without the mention', async () => {
  const post = channelMention('what does 4.4.317 mean?', { serviceUrl: bot.connector.url });
  await bot.post(post);

  const [reply] = bot.connector.calls;
  expect(reply?.conversationId).toBe(`19:general0000@thread.tacv2;messageid=${post.id}`);
  expect(titleOf(reply)).toBe('4.4.317 Cannot connect to remote server');
  expect(bot.logs.find((line) => line.msg === 'message received')?.text).toBe('what does 4.4.317 mean?');
});

test('a root post whose conversation id names no thread is still answered in its thread', async () => {
  const post = channelMention('4.7.320', { serviceUrl: bot.connector.url, namesThread: false });
  expect(post.conversation.id).not.toContain(';messageid=');
  await bot.post(post);

  const [reply] = bot.connector.calls;
  expect(reply).toMatchObject({
    method: 'POST',
    conversationId: `19:general0000@thread.tacv2;messageid=${post.id}`,
    activityId: post.id,
  });
  expect(titleOf(reply)).toBe('4.7.320 Certificate validation failed');
});

test('a bare mention gets the help card in the client language', async () => {
  await bot.post(channelMention('', { serviceUrl: bot.connector.url, locale: 'it-IT' }));
  expect(titleOf(bot.connector.calls[0])).toBe('Cosa posso fare');
});

describe('follow-ups use the codes of the previous answer', () => {
  test('"how do I fix it?" after 4.4.317 leads with the fix for 4.4.317', async () => {
    await ask('what does 4.4.317 mean?');
    await ask('how do I fix it?');
    const card = cardIn(bot.connector.calls[1]);
    expect(card.body[0].text).toBe('4.4.317 Cannot connect to remote server');
    expect(stepsShown(card)).toBe(true);
  });

  test('"¿y cómo lo arreglo?" answers the same code, in Spanish', async () => {
    await ask('what does 4.4.318 mean?');
    await ask('¿y cómo lo arreglo?');
    expect(titleOf(bot.connector.calls[1])).toBe('4.4.318 La conexión se cerró bruscamente');
  });

  test('in a channel, per thread: a new post at the top level gets a hint instead', async () => {
    const first = channelMention('4.4.312', { serviceUrl: bot.connector.url });
    await bot.post(first);
    await bot.post(channelMention('how do I fix it?', { serviceUrl: bot.connector.url, rootId: first.id }));
    await bot.post(channelMention('how do I fix it?', { serviceUrl: bot.connector.url }));

    expect(titleOf(bot.connector.calls[1])).toBe('4.4.312 DNS query failed');
    expect(bot.connector.calls[1]?.conversationId).toBe(first.conversation.id);
    expect(bot.connector.calls[2]?.body.text).toBe(followUpWithoutThreadText('en'));
  });

  test('each personal chat keeps its own last answer', async () => {
    await ask('4.4.315', { from: ALEX });
    await ask('how do I fix it?', { from: MEGAN });
    expect(titleOf(bot.connector.calls[1])).toBe("I didn't find an error to explain");
  });
});

describe('the language command', () => {
  test('"lang pl" answers in Polish and later answers stay Polish', async () => {
    await ask('lang pl');
    await ask('what does 4.4.316 mean?');
    expect(JSON.stringify(cardIn(bot.connector.calls[0]))).toContain('Polski');
    expect(titleOf(bot.connector.calls[0])).toBe('Język');
    expect(titleOf(bot.connector.calls[1])).toBe('4.4.316 Połączenie odrzucone');
  });

  test("one user's choice is not another's", async () => {
    await ask('lang pl', { from: ALEX });
    await ask('4.4.316', { from: MEGAN });
    expect(titleOf(bot.connector.calls[1])).toBe('4.4.316 Connection refused');
  });

  test('"language" alone offers the picker in the card', async () => {
    await ask('language');
    const card = cardIn(bot.connector.calls[0]);
    const picker = JSON.stringify(card.actions);
    expect(picker).toContain('"id":"mailflowLocale"');
    expect(picker).toContain('中文（简体）');
  });
});

test('help and list', async () => {
  await ask('help');
  await ask('list');
  expect(titleOf(bot.connector.calls[0])).toBe('What I can do');
  expect(titleOf(bot.connector.calls[1])).toBe('Codes I know');
});

test('message text is logged at debug level only', async () => {
  await ask('what does 4.4.316 mean?');
  const withText = bot.logs.filter((line) => JSON.stringify(line).includes('what does 4.4.316'));
  expect(withText.map((line) => line.level)).toEqual([20]);
});

test('a busy channel’s threads each have their own allowance', async () => {
  const people = Array.from({ length: 35 }, (_, i) => ({
    id: `29:busy${i}`,
    name: `Busy ${i}`,
    aadObjectId: `aad-busy${i}`,
  }));
  for (const from of people)
    await bot.post(channelMention('4.4.316', { serviceUrl: bot.connector.url, from }));
  expect(bot.connector.calls.filter((call) => call.body.attachments)).toHaveLength(people.length);
});
