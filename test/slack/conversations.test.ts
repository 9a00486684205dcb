/**
 * The Slack bot through real HTTP: signed requests in, answers out (in the HTTP ack for slash
 * commands, to the Web API stand-in for everything else).
 */
import { ask } from '../../core';
import {
  BOT_TOKEN,
  directMessage,
  mention,
  mrkdwnTexts,
  plainTexts,
  SIGNING_SECRET,
  type SlackTestServer,
  startSlackServer,
} from './support/slackServer';

type Message = {
  response_type?: string;
  text?: string;
  blocks?: { type: string; text?: { text: string } }[];
};

const headerOf = (message: Message | Record<string, unknown>): string | undefined =>
  (message.blocks as Message['blocks'])?.find((block) => block.type === 'header')?.text?.text;

let slack: SlackTestServer;
beforeAll(async () => {
  slack = await startSlackServer();
});
afterAll(async () => {
  await slack.close();
});

describe('/mailflow', () => {
  test('is answered in the ack: ephemeral blocks about the code, with Share in channel', async () => {
    const response = await slack.command('4.4.316', 'UEN1');
    expect(response.status).toBe(200);
    const body = (await response.json()) as Message;
    expect(body.response_type).toBe('ephemeral');
    expect(headerOf(body)).toBe(ask('4.4.316').answer.title);
    expect(body.text).toContain('4.4.316');
    expect(JSON.stringify(body.blocks)).toContain('mailflow_share');
  });

  test('list, help and an empty command are answered too', async () => {
    for (const [text, expected] of [
      ['list', ask('list').answer.title],
      ['help', ask('help').answer.title],
      ['', ask('help').answer.title],
    ] as const) {
      const body = (await (await slack.command(text, 'UEN2')).json()) as Message;
      expect(headerOf(body)).toBe(expected);
    }
  });

  test('a users.info that does not answer delays the ack a bounded time; the lookup warms the cache', async () => {
    slack.standIn.userLocales.set('UHOLD', 'es-ES');
    const release = slack.standIn.holdUsersInfo('UHOLD');
    // users.info for this user does not answer until released; the command is answered anyway, in
    // time for Slack, by the other rules.
    const first = (await (await slack.command('4.4.316', 'UHOLD')).json()) as Message;
    expect(headerOf(first)).toBe(ask('4.4.316').answer.title);
    release();
    await slack.waitForLog((line) => line.msg === 'Slack: user locale cached' && line.userId === 'UHOLD');
    const later = (await (await slack.command('4.4.316', 'UHOLD')).json()) as Message;
    expect(headerOf(later)).toBe(ask('4.4.316', { clientLocale: 'es-ES' }).answer.title);
    expect(slack.standIn.callsOf('users.info').filter((call) => call.body.user === 'UHOLD')).toHaveLength(1);
  });

  test('a Polish user (Slack locale pl-PL, cached from an earlier message) gets Polish blocks', async () => {
    slack.standIn.userLocales.set('UPL', 'pl-PL');
    // A DM waits for users.info before answering, so once it is answered the locale is cached.
    await slack.event(directMessage('4.4.318', 'UPL', 'DPL'));
    const dm = await slack.standIn.waitFor('chat.postMessage', (call) => call.body.channel === 'DPL');
    expect(headerOf(dm.body)).toBe(ask('4.4.318', { clientLocale: 'pl-PL' }).answer.title);

    const body = (await (await slack.command('4.4.316', 'UPL')).json()) as Message;
    const polish = ask('4.4.316', { chosenLocale: 'pl' }).answer;
    expect(polish.title).not.toBe(ask('4.4.316').answer.title);
    expect(headerOf(body)).toBe(polish.title);
  });

  test('/mailflow lang pl is answered in Polish and makes Polish the user’s language', async () => {
    const chosen = (await (await slack.command('lang pl', 'ULANG')).json()) as Message;
    expect(headerOf(chosen)).toBe(ask('lang pl').answer.title);
    const body = (await (await slack.command('4.7.320', 'ULANG')).json()) as Message;
    expect(headerOf(body)).toBe(ask('4.7.320', { chosenLocale: 'pl' }).answer.title);
  });

  test('a question whose words say its language asks Slack for no locale', async () => {
    const body = (await (await slack.command('¿qué significa 4.4.312?', 'UWORDS')).json()) as Message;
    expect(headerOf(body)).toBe(ask('¿qué significa 4.4.312?').answer.title);
    expect(slack.standIn.callsOf('users.info').filter((call) => call.body.user === 'UWORDS')).toEqual([]);
  });

  test('the question’s own language wins over the Slack locale', async () => {
    const body = (await (await slack.command('¿qué significa 4.4.315?', 'UEN3')).json()) as Message;
    expect(headerOf(body)).toBe(ask('¿qué significa 4.4.315?').answer.title);
    expect(ask('¿qué significa 4.4.315?').answer.locale).toBe('es');
  });
});

describe('mentions and direct messages', () => {
  test('a mention is answered in its thread, without the bot’s own mention reaching the core', async () => {
    const event = mention('what does 4.4.317 mean?', 'UEN4');
    expect((await slack.event(event)).status).toBe(200);
    const posted = await slack.standIn.waitFor(
      'chat.postMessage',
      (call) => call.body.thread_ts === event.ts,
    );
    expect(posted.body.channel).toBe('C1');
    expect(headerOf(posted.body)).toBe(ask('what does 4.4.317 mean?').answer.title);
    expect(JSON.stringify(posted.body.blocks)).not.toContain('mailflow_share');
    // At debug level the log holds the text the core got: the words, without Slack's markup.
    expect(slack.logs).toContainEqual(
      expect.objectContaining({ msg: 'message received', text: 'what does 4.4.317 mean?' }),
    );
  });

  test('a mention inside a thread answers in that thread', async () => {
    const event = mention('4.4.312', 'UEN4', { thread_ts: '1600000000.000100' });
    await slack.event(event);
    const posted = await slack.standIn.waitFor(
      'chat.postMessage',
      (call) => call.body.thread_ts === '1600000000.000100',
    );
    expect(headerOf(posted.body)).toBe(ask('4.4.312').answer.title);
  });

  test('a follow-up without a code is about the code answered last in the thread', async () => {
    const first = mention('4.7.320', 'UEN5');
    await slack.event(first);
    await slack.standIn.waitFor('chat.postMessage', (call) => call.body.thread_ts === first.ts);
    const followUp = mention('how do I fix it?', 'UEN5', { thread_ts: first.ts });
    await slack.event(followUp);
    const second = await slack.standIn.waitFor(
      'chat.postMessage',
      (call) => call.body.thread_ts === first.ts,
      2,
    );
    const expected = ask('how do I fix 4.7.320?').answer;
    expect(expected.intent).toBe('fix');
    expect(headerOf(second.body)).toBe(expected.title);
    // Without the thread, the same words name no code.
    expect(ask('how do I fix it?').answer.codes).toEqual([]);
  });

  test('a direct message is answered in the DM', async () => {
    await slack.event(directMessage('4.4.315', 'UEN6', 'DEN6'));
    const posted = await slack.standIn.waitFor('chat.postMessage', (call) => call.body.channel === 'DEN6');
    expect(posted.body.thread_ts).toBeUndefined();
    expect(headerOf(posted.body)).toBe(ask('4.4.315').answer.title);
  });

  test('messages from bots, edits and channel messages get no answer', async () => {
    await slack.event({ ...directMessage('4.4.315', 'UEN7', 'DBOT'), bot_id: 'B999' });
    await slack.event({ ...directMessage('4.4.315', 'UEN7', 'DEDIT'), subtype: 'message_changed' });
    await slack.event({ ...directMessage('4.4.315', 'UEN7', 'CPUB'), channel_type: 'channel' });
    // A last DM that is answered shows that the three before it were handled (and ignored).
    await slack.event(directMessage('4.4.315', 'UEN7', 'DLAST'));
    await slack.standIn.waitFor('chat.postMessage', (call) => call.body.channel === 'DLAST');
    const channels = slack.standIn.callsOf('chat.postMessage').map((call) => call.body.channel);
    expect(channels).not.toEqual(expect.arrayContaining(['DBOT']));
    expect(channels).not.toContain('DEDIT');
    expect(channels).not.toContain('CPUB');
  });

  test('a retried event (same event_id, X-Slack-Retry-Num) is not answered twice', async () => {
    const event = mention('4.4.316', 'UEN8');
    await slack.event(event, 'EvRETRY1');
    await slack.standIn.waitFor('chat.postMessage', (call) => call.body.thread_ts === event.ts);
    const retry = await slack.event(event, 'EvRETRY1', {
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(retry.status).toBe(200);
    const barrier = mention('4.4.316', 'UEN8');
    await slack.event(barrier, 'EvRETRY2');
    await slack.standIn.waitFor('chat.postMessage', (call) => call.body.thread_ts === barrier.ts);
    expect(
      slack.standIn.callsOf('chat.postMessage').filter((call) => call.body.thread_ts === event.ts),
    ).toHaveLength(1);
  });
});

describe('a hostile paste', () => {
  const paste =
    '450 4.4.316 Connection refused [Message=<!channel> <!here> <@U123> <https://evil.example|click> &lt;!channel&gt; &lt;@U123&gt; &lt;https://evil.example|click&gt;]';
  const dangerous = /<!channel>|<!here>|<!everyone>|<@U123>|<https?:/;

  test('in a mention, is shown as text, never as a ping or a link', async () => {
    const event = mention(paste, 'UEN9');
    await slack.event(event);
    const posted = await slack.standIn.waitFor(
      'chat.postMessage',
      (call) => call.body.thread_ts === event.ts,
    );
    const texts = mrkdwnTexts(posted.body);
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).not.toMatch(dangerous);
    // What the user pasted (typed angle brackets included) is there, as plain text.
    expect(plainTexts(posted.body).join('\n')).toContain('<!channel>');
  });

  test('in a slash command, is shown as text, never as a ping or a link', async () => {
    const body = (await (await slack.command(paste, 'UEN9')).json()) as Message;
    for (const text of mrkdwnTexts(body)) expect(text).not.toMatch(dangerous);
    expect(plainTexts(body).join('\n')).toContain('<!channel>');
  });
});

test('no secret, token or signature is ever logged', () => {
  const all = JSON.stringify(slack.logs);
  expect(slack.logs.length).toBeGreaterThan(0);
  expect(all).not.toContain(SIGNING_SECRET);
  expect(all).not.toContain(BOT_TOKEN);
  expect(all).not.toMatch(/v0=[0-9a-f]{64}/);
});
