/**
 * A flooding user, or two bots in a loop, get one polite note and then silence; others are answered.
 * The per-channel suites run the same through the conversation contract (test/conversation/).
 */
import { RATE_LIMITS } from '../../bots/conversation/limits';
import { startSlackServer } from '../slack/support/slackServer';
import { MEGAN, personalMessage } from '../teams/support/activities';
import { startHarness } from '../teams/support/botHarness';

const rateLimits = {
  ...RATE_LIMITS,
  message: { user: { burst: 2, perSecond: 0.001 }, conversation: { burst: 50, perSecond: 1 } },
};

test('Teams: two answers, one localized note, then nothing; another user is still answered', async () => {
  const bot = await startHarness({ mode: 'local' }, { rateLimits });
  try {
    for (let i = 0; i < 4; i++) {
      const status = (
        await bot.post(personalMessage('4.4.316', { serviceUrl: bot.connector.url, locale: 'es-ES' }))
      ).status;
      expect(status).toBe(200);
    }
    const texts = bot.connector.calls.map((call) => call.body.text ?? 'card');
    expect(texts).toEqual([
      'card',
      'card',
      'Estás enviando mensajes más rápido de lo que puedo responder. Espera un minuto y vuelve a intentarlo.',
    ]);
    await bot.post(personalMessage('4.4.316', { serviceUrl: bot.connector.url, from: MEGAN }));
    expect(bot.connector.calls).toHaveLength(4);
    expect(bot.connector.calls[3]?.body.attachments).toHaveLength(1);
  } finally {
    await bot.close();
  }
});

test('Slack: the slash command acks a note once, then an empty ack; another user is still answered', async () => {
  const slack = await startSlackServer({ rateLimits });
  try {
    const bodies: Record<string, unknown>[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await slack.command('4.4.316', 'UFLOOD');
      expect(response.status).toBe(200);
      const text = await response.text();
      bodies.push(text ? (JSON.parse(text) as Record<string, unknown>) : {});
    }
    expect(bodies.map((body) => (body.blocks ? 'blocks' : (body.text ?? 'empty')))).toEqual([
      'blocks',
      'blocks',
      "You're sending messages faster than I can answer. Please wait a minute, then try again.",
      'empty',
    ]);
    const other = (await (await slack.command('4.4.316', 'UCALM')).json()) as Record<string, unknown>;
    expect(other.blocks).toBeDefined();
  } finally {
    await slack.close();
  }
});
