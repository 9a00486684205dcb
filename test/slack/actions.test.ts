/** Clicks on an answer, through real HTTP: the fold buttons, the language picker, Share, links. */
import { randomUUID } from 'node:crypto';
import { renderPublicBlocks } from '../../bots/slack/blocks/messages';
import { answerAgain, ask } from '../../core';
import { click, mention, type SlackTestServer, startSlackServer } from './support/slackServer';

type Blocks = { type: string; text?: { text: string }; elements?: { action_id: string }[] }[];

const headerOf = (blocks: unknown): string | undefined =>
  (blocks as Blocks).find((block) => block.type === 'header')?.text?.text;
const actionIds = (blocks: unknown): string[] =>
  (blocks as Blocks).flatMap((block) => block.elements ?? []).map((element) => element.action_id);

let slack: SlackTestServer;
beforeAll(async () => {
  slack = await startSlackServer();
});
afterAll(async () => {
  await slack.close();
});

async function slashAnswer(text: string, user: string): Promise<unknown[]> {
  const body = (await (await slack.command(text, user)).json()) as { blocks: unknown[] };
  return body.blocks;
}

test('opening a fold of a slash command answer replaces it through its response_url', async () => {
  const blocks = await slashAnswer('4.4.316', 'UA1');
  expect(JSON.stringify(blocks)).not.toContain('Set-AcceptedDomain');
  const { response, responseId } = await slack.clickPrivate('UA1', 'mailflow_fold_commands', blocks);
  expect(response.status).toBe(200);
  const replaced = await slack.standIn.waitFor('response_url', (call) => call.responseId === responseId);
  expect(replaced.body.replace_original).toBe(true);
  expect(JSON.stringify(replaced.body.blocks)).toContain('Set-AcceptedDomain');
  // Still the private answer: it can still be shared.
  expect(actionIds(replaced.body.blocks)).toContain('mailflow_share');
});

test('opening a fold of a public answer updates that message with chat.update', async () => {
  const event = mention('4.4.316', 'UA2');
  await slack.event(event);
  const posted = await slack.standIn.waitFor('chat.postMessage', (call) => call.body.thread_ts === event.ts);
  const messageTs = '1712345678.000300';
  await slack.action(
    click({
      user: 'UA2',
      actionId: 'mailflow_fold_commands',
      blocks: posted.body.blocks as unknown[],
      ephemeral: false,
      responseId: randomUUID(),
      standIn: slack.standIn,
      messageTs,
    }),
  );
  const updated = await slack.standIn.waitFor('chat.update', (call) => call.body.ts === messageTs);
  expect(updated.body.channel).toBe('C1');
  expect(JSON.stringify(updated.body.blocks)).toContain('Set-AcceptedDomain');
  expect(actionIds(updated.body.blocks)).not.toContain('mailflow_share');
});

test('picking a language redraws the answer in it and makes it the user’s language', async () => {
  const blocks = await slashAnswer('4.4.317', 'UA3');
  const { responseId } = await slack.clickPrivate('UA3', 'mailflow_language', blocks, { selected: 'it' });
  const replaced = await slack.standIn.waitFor('response_url', (call) => call.responseId === responseId);
  const italian = answerAgain(ask('4.4.317').answer.request, 'it');
  expect(italian.title).not.toBe(ask('4.4.317').answer.title);
  expect(headerOf(replaced.body.blocks)).toBe(italian.title);
  // The next question from this user is answered in Italian without asking.
  expect(headerOf(await slashAnswer('4.4.312', 'UA3'))).toBe(
    ask('4.4.312', { chosenLocale: 'it' }).answer.title,
  );
});

test('a language card confirms the picked language', async () => {
  const blocks = await slashAnswer('language', 'UA4');
  const { responseId } = await slack.clickPrivate('UA4', 'mailflow_language', blocks, { selected: 'es' });
  const replaced = await slack.standIn.waitFor('response_url', (call) => call.responseId === responseId);
  expect(JSON.stringify(replaced.body.blocks)).toContain(ask('lang es').answer.summary.slice(0, 20));
});

test('Share in channel posts the answer for everyone and removes the private one', async () => {
  const blocks = await slashAnswer('4.7.320', 'UA5');
  const { responseId } = await slack.clickPrivate('UA5', 'mailflow_share', blocks);
  const shared = await slack.standIn.waitFor(
    'chat.postMessage',
    (call) => call.body.channel === 'C1' && call.body.thread_ts === undefined,
  );
  expect(shared.body.blocks).toEqual(
    JSON.parse(JSON.stringify(renderPublicBlocks(ask('4.7.320').answer))) as unknown[],
  );
  const deleted = await slack.standIn.waitFor('response_url', (call) => call.responseId === responseId);
  expect(deleted.body.delete_original).toBe(true);
});

test('Share where the bot is not a member posts through the response_url instead', async () => {
  slack.standIn.notMemberOf.add('CPRIVATE');
  const blocks = await slashAnswer('4.4.315', 'UA8');
  const { responseId } = await slack.clickPrivate('UA8', 'mailflow_share', blocks, { channel: 'CPRIVATE' });
  const posted = await slack.standIn.waitFor(
    'response_url',
    (call) => call.responseId === responseId && call.body.response_type === 'in_channel',
  );
  expect(posted.body.replace_original).toBe(false);
  expect(posted.body.blocks).toEqual(
    JSON.parse(JSON.stringify(renderPublicBlocks(ask('4.4.315').answer))) as unknown[],
  );
  const deleted = await slack.standIn.waitFor(
    'response_url',
    (call) => call.responseId === responseId && call.body.delete_original === true,
  );
  expect(deleted).toBeDefined();
});

test('a click on a link button is acknowledged and nothing else happens', async () => {
  const blocks = await slashAnswer('4.4.316', 'UA6');
  const before = slack.standIn.calls.length;
  const linkId = actionIds(blocks).find((id) => id.startsWith('mailflow_link_')) ?? '';
  const { response } = await slack.clickPrivate('UA6', linkId, blocks);
  expect(response.status).toBe(200);
  // users.info may come from the slash command above; nothing else.
  expect(slack.standIn.calls.slice(before).filter((call) => call.method !== 'users.info')).toEqual([]);
});

test('a tampered card state is acknowledged, logged and ignored', async () => {
  const blocks = (await slashAnswer('4.4.316', 'UA7')) as {
    type: string;
    elements?: { action_id: string; value?: string }[];
  }[];
  for (const element of blocks.flatMap((block) => block.elements ?? []))
    if (element.action_id === 'mailflow_fold_commands')
      element.value = '{"r":{"intent":"explain","codes":"<!channel>"}}';
  const { response, responseId } = await slack.clickPrivate('UA7', 'mailflow_fold_commands', blocks);
  expect(response.status).toBe(200);
  await slack.waitForLog((line) => line.msg === 'ignored a click whose card state is unreadable');
  expect(slack.standIn.callsOf('response_url').filter((call) => call.responseId === responseId)).toEqual([]);
});
