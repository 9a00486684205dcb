/**
 * The conversation contract: the same dialogue against a fake adapter (the conversation layer
 * alone) and, through real HTTP, against Teams and Slack. Every channel must say the same things;
 * only how it says them (a card, Block Kit, an ack) differs.
 */
import type { CoreApi } from '../../bots/conversation/core';
import { REAL_CORE } from '../../bots/conversation/core';
import { RATE_LIMITS } from '../../bots/conversation/limits';
import { answerAgain, apologyText, ask, followUpWithoutThreadText, translatorFor } from '../../core';
import type { ChannelDriver, DriverFactory, Said } from './support/driver';
import { fakeAdapter } from './support/fakeDriver';
import { slackChannel } from './support/slackDriver';
import { teamsChannel } from './support/teamsDriver';

jest.setTimeout(30_000);

const answer = (title: string): Said => ({ kind: 'answer', title });
const text = (words: string): Said => ({ kind: 'text', text: words });
const titleOf = (question: string, options: Parameters<typeof ask>[1] = {}) =>
  ask(question, options).answer.title;

describe.each<DriverFactory>([fakeAdapter, teamsChannel, slackChannel])('$name', (factory) => {
  let bot: ChannelDriver;
  afterEach(() => bot.close());

  describe('a dialogue', () => {
    beforeEach(async () => {
      bot = await factory.start();
    });

    test('the first answer follows the client locale', async () => {
      const ola = bot.user('ola', 'pl-PL');
      expect(await bot.chat(ola, '4.4.316')).toEqual(answer(titleOf('4.4.316', { clientLocale: 'pl-PL' })));
      expect(titleOf('4.4.316', { clientLocale: 'pl-PL' })).not.toBe(titleOf('4.4.316'));
    });

    test('`lang it` makes answers Italian everywhere; `lang auto` gives the choice back to the rules', async () => {
      const ola = bot.user('ola', 'pl-PL');
      expect(await bot.chat(ola, 'lang it')).toEqual(answer(translatorFor('it').text('language.title')));
      const italian = answer(titleOf('4.4.315', { chosenLocale: 'it' }));
      expect(await bot.chat(ola, '4.4.315')).toEqual(italian);
      // The choice holds in a channel too, for this user.
      expect((await bot.post(ola, '4.4.315')).said).toEqual(italian);
      expect(await bot.chat(ola, 'lang auto')).toEqual(answer(translatorFor('pl').text('language.title')));
      expect(await bot.chat(ola, '4.4.315')).toEqual(answer(titleOf('4.4.315', { clientLocale: 'pl-PL' })));
    });

    test('another user keeps their own language', async () => {
      const ola = bot.user('ola', 'pl-PL');
      const ana = bot.user('ana', 'pt-BR');
      await bot.chat(ola, 'lang it');
      expect(await bot.chat(ana, '4.4.318')).toEqual(answer(titleOf('4.4.318', { clientLocale: 'pt-BR' })));
    });

    test('a follow-up in a thread, in another language, is about the thread’s code', async () => {
      const sam = bot.user('sam', 'en-US');
      const { said, thread } = await bot.post(sam, 'what does 4.4.317 mean?');
      expect(said).toEqual(answer(titleOf('4.4.317')));
      const followUp = await bot.reply(sam, thread, '¿y cómo lo arreglo?');
      const spanishFix = answerAgain({ ...ask('4.4.317').answer.request, intent: 'fix' }, 'es');
      expect(followUp).toEqual(answer(spanishFix.title));
      expect(spanishFix.title).not.toBe(titleOf('4.4.317'));
    });

    test('a follow-up in a chat is about the chat’s last code', async () => {
      const sam = bot.user('sam', 'en-US');
      await bot.chat(sam, '4.7.320');
      expect(await bot.chat(sam, 'how do I fix it?')).toEqual(answer(titleOf('how do I fix 4.7.320?')));
    });

    test('an empty mention gets the help, in the client language', async () => {
      const gio = bot.user('gio', 'it-IT');
      expect((await bot.post(gio, '')).said).toEqual(answer(translatorFor('it').text('help.title')));
    });

    test('a follow-up at a channel’s top level gets a hint to name a code or reply in the thread', async () => {
      const sam = bot.user('sam', 'es-ES');
      await bot.post(sam, '4.4.312');
      expect((await bot.post(sam, '¿cómo lo arreglo?')).said).toEqual(text(followUpWithoutThreadText('es')));
    });

    test('a burst gets at most 10 answers and one notice, while another user is still answered', async () => {
      const flood = bot.user('flood', 'en-US');
      const calm = bot.user('calm', 'de-DE');
      const said: (Said | undefined)[] = [];
      for (let i = 0; i < RATE_LIMITS.message.user.burst + 5; i++)
        said.push(await bot.chat(flood, '4.4.316'));
      const answers = said.filter((one) => one?.kind === 'answer');
      const notices = said.filter((one) => one?.kind === 'text');
      expect(answers).toHaveLength(RATE_LIMITS.message.user.burst);
      expect(notices).toEqual([text(translatorFor('en').text('error.rateLimited'))]);
      expect(said.slice(RATE_LIMITS.message.user.burst + 1)).toEqual(Array(4).fill(undefined));
      expect(await bot.chat(calm, '4.4.316')).toEqual(answer(titleOf('4.4.316')));
    });

    test('a reply the far end refuses is retried; refused throughout, it becomes the apology with a logged reference', async () => {
      const sam = bot.user('sam', 'en-US');
      // Refused twice, delivered on the third attempt (channels over HTTP retry; the layer does not).
      if (factory !== fakeAdapter) {
        bot.refuseNextPosts(2, 503);
        const before = bot.postAttempts();
        expect((await bot.post(sam, '4.4.316')).said).toEqual(answer(titleOf('4.4.316')));
        expect(bot.postAttempts() - before).toBe(3);
      }
      // Refused for every attempt: the answer is given up and the apology goes out instead.
      bot.refuseNextPosts(factory === fakeAdapter ? 1 : 3, 500);
      const { said } = await bot.post(sam, '4.4.318');
      const reference = /\(Reference: ([0-9a-f]{12})\)$/.exec(said.kind === 'text' ? said.text : '')?.[1];
      expect(said).toEqual(text(apologyText('en', reference ?? 'none')));
      expect(bot.logs.some((line) => line.reference === reference && line.level >= 30)).toBe(true);
    });
  });

  describe('when answering fails', () => {
    const failing: CoreApi = {
      ...REAL_CORE,
      ask: (question, options) => {
        if (question.includes('4.4.312')) throw new Error('the knowledge base is unavailable');
        return REAL_CORE.ask(question, options);
      },
    };
    beforeEach(async () => {
      bot = await factory.start({ core: failing });
    });

    test('the user gets the apology in their language, with a reference the log has at the default level', async () => {
      const eva = bot.user('eva', 'es-MX');
      const said = await bot.chat(eva, '¿qué significa 4.4.312?');
      const reference = /\(Referencia: ([0-9a-f]{12})\)$/.exec(said?.kind === 'text' ? said.text : '')?.[1];
      expect(said).toEqual(text(apologyText('es', reference ?? 'none')));
      const logged = bot.logs.find((line) => line.reference === reference && line.msg === 'turn failed');
      expect(logged?.level).toBeGreaterThanOrEqual(30);
      expect(logged?.err).toMatchObject({ message: 'the knowledge base is unavailable' });
      // And the bot goes on answering.
      expect(await bot.chat(eva, '4.4.316')).toEqual(answer(titleOf('4.4.316', { clientLocale: 'es-MX' })));
    });
  });
});
