/** The card's Language picker, through real HTTP: the card is replaced in place and the choice kept. */
import { RATE_LIMITS } from '../../bots/conversation/limits';
import { rateLimitedText } from '../../core';
import { cardIssues } from '../support/adaptiveCards';
import { cardSubmit, channelMention, personalMessage } from './support/activities';
import { type Harness, startHarness } from './support/botHarness';
import { cardIn, languageActionData, stepsShown, titleOf } from './support/cards';

let bot: Harness;
beforeEach(async () => {
  bot = await startHarness();
});
afterEach(() => bot.close());

/** Asks, then returns the id the connector gave the answer and the data its Language action sends. */
async function askForCard(text: string) {
  await bot.post(personalMessage(text, { serviceUrl: bot.connector.url }));
  const reply = bot.connector.calls.at(-1);
  const calls = bot.connector.calls.length;
  return { replyId: `reply-${calls}`, data: languageActionData(reply) };
}

test('switching to Polish updates the card in place and later answers are Polish', async () => {
  const { replyId, data } = await askForCard('what does 4.4.316 mean?');
  await bot.post(cardSubmit({ ...data, mailflowLocale: 'pl' }, replyId, { serviceUrl: bot.connector.url }));

  const update = bot.connector.calls[1];
  expect(update).toMatchObject({ method: 'PUT', activityId: replyId });
  expect(cardIssues(cardIn(update))).toEqual([]);
  expect(titleOf(update)).toBe('4.4.316 Połączenie odrzucone');
  expect(bot.connector.calls).toHaveLength(2);

  await bot.post(personalMessage('4.4.315', { serviceUrl: bot.connector.url }));
  expect(titleOf(bot.connector.calls[2])).toBe('4.4.315 Przekroczono limit czasu połączenia');
});

test('the switched card carries what it answers, so it can be switched again', async () => {
  const { replyId, data } = await askForCard('how do I fix 4.7.320?');
  await bot.post(cardSubmit({ ...data, mailflowLocale: 'it' }, replyId, { serviceUrl: bot.connector.url }));
  const again = languageActionData(bot.connector.calls[1]);
  await bot.post(
    cardSubmit({ ...again, mailflowLocale: 'zh-CN' }, replyId, { serviceUrl: bot.connector.url }),
  );

  expect(titleOf(bot.connector.calls[1])).toBe('4.7.320 Convalida del certificato non riuscita');
  expect(titleOf(bot.connector.calls[2])).toBe('4.7.320 证书验证失败');
  expect(stepsShown(cardIn(bot.connector.calls[2]))).toBe(true);
});

test('in a channel thread the update addresses the thread', async () => {
  const post = channelMention('4.4.316', { serviceUrl: bot.connector.url });
  await bot.post(post);
  const data = languageActionData(bot.connector.calls[0]);
  const submit = cardSubmit({ ...data, mailflowLocale: 'es' }, 'reply-1', {
    serviceUrl: bot.connector.url,
    conversation: post.conversation,
  });
  await bot.post(submit);
  expect(bot.connector.calls[1]).toMatchObject({
    method: 'PUT',
    conversationId: post.conversation.id,
    activityId: 'reply-1',
  });
});

test('a card the bot may not edit gets the switched answer as a new reply', async () => {
  const { replyId, data } = await askForCard('4.4.318');
  bot.connector.failUpdatesWith(403);
  const submit = cardSubmit({ ...data, mailflowLocale: 'pt-BR' }, replyId, { serviceUrl: bot.connector.url });
  expect((await bot.post(submit)).status).toBe(200);

  expect(bot.connector.calls.map((call) => call.method)).toEqual(['POST', 'PUT', 'POST']);
  expect(titleOf(bot.connector.calls[2])).toMatch(/^4\.4\.318 /);
  expect(cardIn(bot.connector.calls[2]).body[0].text).toBe(titleOf(bot.connector.calls[1]));
});

test.each([
  ['an unknown language', (data: object) => ({ ...data, mailflowLocale: 'fr' })],
  ['no language', (data: object) => data],
  [
    'a forged request',
    (data: object) => ({ ...data, request: { intent: 'explain', codes: 'x' }, mailflowLocale: 'es' }),
  ],
  [
    'too many codes',
    (data: object) => ({
      ...data,
      request: { intent: 'explain', codes: Array(7).fill({ code: '4.4.316' }), details: {} },
      mailflowLocale: 'es',
    }),
  ],
])('a switch with %s is ignored and logged', async (_name, tamper) => {
  const { replyId, data } = await askForCard('4.4.316');
  const response = await bot.post(cardSubmit(tamper(data), replyId, { serviceUrl: bot.connector.url }));
  expect(response.status).toBe(200);
  expect(bot.connector.calls).toHaveLength(1);
  expect(bot.logs.some((line) => line.msg === 'ignored a malformed language switch')).toBe(true);
});

test('40 language switches in a row: the clicks’ own limit, one notice, then nothing', async () => {
  // The clock stands still: however slowly a loaded machine sends the clicks, no token comes back.
  await bot.close();
  const frozen = Date.now();
  bot = await startHarness({ mode: 'local' }, { now: () => frozen });
  const { replyId, data } = await askForCard('4.4.316');
  for (let i = 0; i < 40; i++) {
    const locale = ['pl', 'es', 'it', 'en'][i % 4];
    await bot.post(
      cardSubmit({ ...data, mailflowLocale: locale }, replyId, { serviceUrl: bot.connector.url }),
    );
  }
  const calls = bot.connector.calls.slice(1);
  expect(calls.filter((call) => call.method === 'PUT')).toHaveLength(RATE_LIMITS.interaction.user.burst);
  // In the language the user chose last: the 30th switch was to Spanish.
  expect(calls.filter((call) => call.method === 'POST').map((call) => call.body.text)).toEqual([
    rateLimitedText('es'),
  ]);
});

test('a card submit delivered twice (same activity id) switches once', async () => {
  const { replyId, data } = await askForCard('4.4.316');
  const submit = cardSubmit({ ...data, mailflowLocale: 'es' }, replyId, { serviceUrl: bot.connector.url });
  await bot.post(submit);
  await bot.post(submit);
  expect(bot.connector.calls.map((call) => call.method)).toEqual(['POST', 'PUT']);
});
