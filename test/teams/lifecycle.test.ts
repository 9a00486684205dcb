/** Installation, failures and authentication, through real HTTP. */
import { type CoreApi, REAL_CORE } from '../../bots/conversation/core';
import {
  ALEX,
  BOT,
  botAdded,
  channelConversation,
  composeQuery,
  personalMessage,
} from './support/activities';
import { type Harness, startHarness } from './support/botHarness';
import { titleOf } from './support/cards';

let bot: Harness;
afterEach(() => bot.close());

describe('welcome', () => {
  beforeEach(async () => {
    bot = await startHarness();
  });

  test('adding the bot to a personal chat sends the help card, in the client language', async () => {
    await bot.post(botAdded({ serviceUrl: bot.connector.url, locale: 'es-MX' }));
    expect(bot.connector.calls).toHaveLength(1);
    expect(titleOf(bot.connector.calls[0])).toBe('Qué puedo hacer');
  });

  test('adding the bot to a team welcomes the channel', async () => {
    await bot.post(
      botAdded({ serviceUrl: bot.connector.url, conversation: channelConversation(), members: [ALEX, BOT] }),
    );
    expect(bot.connector.calls[0]?.conversationId).toBe(channelConversation().id);
    expect(titleOf(bot.connector.calls[0])).toBe('What I can do');
  });

  test('a welcome delivered twice (same activity id) is sent once', async () => {
    const added = botAdded({ serviceUrl: bot.connector.url, locale: 'es-MX' });
    await bot.post(added);
    await bot.post(added);
    expect(bot.connector.calls).toHaveLength(1);
  });

  test('someone else joining gets no card', async () => {
    await bot.post(botAdded({ serviceUrl: bot.connector.url, members: [{ id: ALEX.id }] }));
    expect(bot.connector.calls).toEqual([]);
  });
});

describe('an error while answering', () => {
  const failing: CoreApi = {
    ...REAL_CORE,
    ask: () => {
      throw new Error('knowledge base unavailable');
    },
  };

  beforeEach(async () => {
    let count = 0;
    bot = await startHarness({ mode: 'local' }, { core: failing, newReference: () => `ref${++count}` });
  });

  test('the user gets a localized apology with the reference the log has', async () => {
    const response = await bot.post(
      personalMessage('¿qué significa 4.4.316?', { serviceUrl: bot.connector.url, locale: 'es-ES' }),
    );
    expect(response.status).toBe(200);
    expect(bot.connector.calls[0]?.body.text).toBe(
      'Lo siento, algo salió mal al responder. Inténtalo de nuevo en un momento. (Referencia: ref1)',
    );
    const logged = bot.logs.find((line) => line.msg === 'turn failed');
    expect(logged).toMatchObject({
      level: 50,
      reference: 'ref1',
      err: { message: 'knowledge base unavailable' },
    });
  });

  test('the server goes on answering', async () => {
    await bot.post(personalMessage('4.4.316', { serviceUrl: bot.connector.url }));
    await bot.post(personalMessage('4.4.316', { serviceUrl: bot.connector.url }));
    expect((await bot.get('/healthz')).status).toBe(200);
    expect(bot.connector.calls.map((call) => call.body.text)).toEqual([
      expect.stringContaining('(Reference: ref1)'),
      expect.stringContaining('(Reference: ref2)'),
    ]);
  });

  test('a failing search answers the compose box with the apology', async () => {
    const response = await bot.post(
      composeQuery([{ name: 'query', value: '4.4.316' }], { serviceUrl: bot.connector.url, locale: 'it-IT' }),
    );
    expect(response.body).toEqual({
      composeExtension: { type: 'message', text: expect.stringContaining('(Riferimento: ref1)') },
    });
    expect(bot.logs.find((line) => line.reference === 'ref1')?.level).toBe(50);
  });
});

describe('with a bot registration', () => {
  beforeEach(async () => {
    // botbuilder's CloudAdapter reports each refused request on console.error; the status is the test.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    bot = await startHarness({
      mode: 'authenticated',
      appId: '00000000-0000-0000-0000-0000000000a1',
      appPassword: 'not-a-real-secret',
      appType: 'MultiTenant',
    });
  });

  test('a request without a token is refused with 401 and never reaches the bot', async () => {
    const response = await bot.post(personalMessage('4.4.316', { serviceUrl: bot.connector.url }));
    expect(response.status).toBe(401);
    expect(bot.connector.calls).toEqual([]);
    expect(bot.logs.some((line) => line.msg === 'message received')).toBe(false);
  });

  test('a request with a forged token is refused with 401', async () => {
    const forged = `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.e30.`;
    const response = await bot.post(personalMessage('4.4.316', { serviceUrl: bot.connector.url }), {
      authorization: forged,
    });
    expect(response.status).toBe(401);
    expect(bot.connector.calls).toEqual([]);
  });

  afterEach(() => jest.restoreAllMocks());

  test('health checks need no token', async () => {
    expect((await bot.get('/healthz')).status).toBe(200);
  });
});
