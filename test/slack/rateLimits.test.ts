/**
 * Rate limits on Slack, through real HTTP: card actions draw on their own, more generous bucket, a
 * replayed click is handled once, and every refused user is told once, however the conversation's
 * allowance was used up.
 */
import { randomUUID } from 'node:crypto';
import { RATE_LIMITS } from '../../bots/conversation/limits';
import { translatorFor } from '../../core';
import { click, type SlackTestServer, startSlackServer } from './support/slackServer';

let slack: SlackTestServer;
afterEach(() => slack.close());

type Body = { text?: string; blocks?: unknown[] };

async function command(text: string, user: string): Promise<Body | undefined> {
  const response = await slack.command(text, user);
  expect(response.status).toBe(200);
  const body = await response.text();
  return body ? (JSON.parse(body) as Body) : undefined;
}

const NOTICE = translatorFor('en').text('error.rateLimited');

test('a signed Share replayed 5 times posts once', async () => {
  slack = await startSlackServer();
  const blocks = (await command('4.4.316', 'UREPLAY'))?.blocks ?? [];
  const payload = click({
    user: 'UREPLAY',
    actionId: 'mailflow_share',
    blocks,
    ephemeral: true,
    responseId: randomUUID(),
    standIn: slack.standIn,
    channel: 'CREPLAY',
  });
  for (let i = 0; i < 5; i++) expect((await slack.action(payload)).status).toBe(200);
  await slack.standIn.waitFor('chat.postMessage', (call) => call.body.channel === 'CREPLAY');
  await slack.waitForLog(
    () => slack.logs.filter((line) => line.msg === 'ignored a delivery already handled').length === 4,
  );
  expect(
    slack.standIn.callsOf('chat.postMessage').filter((call) => call.body.channel === 'CREPLAY'),
  ).toHaveLength(1);
});

test('a user past the message limit can still open a card’s details', async () => {
  slack = await startSlackServer();
  const answers: Body[] = [];
  for (let i = 0; i <= RATE_LIMITS.message.user.burst; i++)
    answers.push((await command('4.4.316', 'UBUSY')) ?? {});
  expect(answers.at(-1)?.text).toBe(NOTICE);
  const { responseId } = await slack.clickPrivate(
    'UBUSY',
    'mailflow_fold_commands',
    answers[0]?.blocks ?? [],
  );
  const redrawn = await slack.standIn.waitFor('response_url', (call) => call.responseId === responseId);
  expect(redrawn.body.replace_original).toBe(true);
});

test('clicks have a limit of their own: past it, one notice to the clicker, then nothing', async () => {
  slack = await startSlackServer({
    rateLimits: {
      ...RATE_LIMITS,
      interaction: { user: { burst: 3, perSecond: 0.001 }, conversation: { burst: 50, perSecond: 1 } },
    },
  });
  const blocks = (await command('4.4.316', 'UCLICK'))?.blocks ?? [];
  const responseIds: string[] = [];
  for (let i = 0; i < 5; i++)
    responseIds.push((await slack.clickPrivate('UCLICK', 'mailflow_fold_commands', blocks)).responseId);
  await slack.waitForLog(() => slack.logs.filter((line) => line.msg === 'rate limited').length === 2);
  await slack.standIn.waitFor('response_url', (call) => call.body.text === NOTICE);
  await slack.waitForLog(() => slack.logs.filter((line) => line.msg === 'card action').length === 3);
  await slack.standIn.waitFor('response_url', (call) => responseIds.includes(call.responseId ?? ''), 4);
  const replies = slack.standIn
    .callsOf('response_url')
    .filter((call) => responseIds.includes(call.responseId ?? ''))
    .map((call) => (call.body.replace_original === true ? 'redrawn' : call.body.text));
  // Clicks are answered after their ack, so in any order: three redraws and one notice, nothing else.
  expect(replies.sort()).toEqual([NOTICE, 'redrawn', 'redrawn', 'redrawn'].sort());
});

test('users who used up a conversation’s allowance leave each further user a notice, not an empty reply', async () => {
  slack = await startSlackServer({
    rateLimits: {
      ...RATE_LIMITS,
      message: { user: { burst: 2, perSecond: 0.001 }, conversation: { burst: 8, perSecond: 0.001 } },
    },
  });
  for (const user of ['UONE', 'UTWO', 'UTHREE', 'UFOUR'])
    for (let i = 0; i < 2; i++) expect((await command('4.4.316', user))?.blocks).toBeDefined();
  expect((await command('4.4.316', 'UFIVE'))?.text).toBe(NOTICE);
  expect((await command('4.4.316', 'USIX'))?.text).toBe(NOTICE);
  // Each told once: the fifth user's next refusal is silent (the ack is empty).
  expect(await command('4.4.316', 'UFIVE')).toBeUndefined();
});
