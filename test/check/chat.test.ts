/**
 * The live check from chat, through real HTTP to the server started as `npm start` runs it: Teams
 * activities and signed Slack requests in, the Bot Framework connector and the Slack Web API as
 * stand-ins, a stand-in DNS server and stand-in mail servers on loopback. The user sees the progress
 * line at once; the same message then becomes the result card.
 */

import { SLACK_LIMITS } from '../../bots/slack/blocks/limits';
import { click, mention } from '../slack/support/slackServer';
import { cardIssues } from '../support/adaptiveCards';
import { cardSubmit, channelMention, personalMessage, TENANT } from '../teams/support/activities';
import type { ConnectorCall } from '../teams/support/connectorStandIn';
import { type ChatServer, startChatServer } from './support/chatServer';
import { type DnsStandIn, startDnsStandIn } from './support/dnsStandIn';
import {
  BROKEN_SERVERS,
  type MailStandIn,
  refusedPort,
  startRawStandIn,
  startSmtpStandIn,
} from './support/smtpStandIns';
import { standInCheckSettings } from './support/standInSettings';
import { createTestPki, type TestPki } from './support/testCertificates';

jest.setTimeout(30_000);

const HOST = 'mail.contoso.test';
const PASTE = `Server at ${HOST} (127.0.0.1) returned '450 4.4.316 Connection refused'`;

let dns: DnsStandIn;
let pki: TestPki;

beforeAll(async () => {
  pki = createTestPki();
  dns = await startDnsStandIn({ [HOST]: { A: ['127.0.0.1'] } });
});
afterAll(async () => {
  await dns.close();
  pki.dispose();
});

/** The settings of a server checking the stand-ins on loopback, on `port`. */
const checkSettings = (port: number, more: Record<string, string> = {}) =>
  standInCheckSettings({ dns, port, pki }, { CHECK_TIMEOUT_MS: '5000', ...more });

const posts = (chat: ChatServer) => chat.connector.calls.filter((call) => call.method === 'POST');
/** The connector stand-in names each new activity `reply-N`, N counting the messages it took. */
const idOfPost = (chat: ChatServer, post: ConnectorCall) => `reply-${posts(chat).indexOf(post) + 1}`;

const isProgress = (call: ConnectorCall) => call.method === 'POST' && call.body.text === `Checking ${HOST}…`;

/**
 * Sends `activity` to the bot, then waits for the progress line it brings and the update of that
 * same activity; returns both, and the result card.
 */
async function teamsCheck(chat: ChatServer, activity: unknown) {
  const nth = chat.connector.calls.filter(isProgress).length + 1;
  expect(await chat.teams(activity)).toBe(200);
  const progress = await chat.connectorCall(isProgress, nth);
  const id = idOfPost(chat, progress);
  const update = await chat.connectorCall((call) => call.method === 'PUT' && call.activityId === id);
  return { progress, update, card: update.body.attachments[0].content };
}

const headerOf = (blocks: { type: string; text?: { text: string } }[]) =>
  blocks.find((block) => block.type === 'header')?.text?.text;

const stepLines = (blocks: Record<string, unknown>[]): string[] => {
  const steps = blocks.find((block) => block.type === 'rich_text') as
    | { elements: { elements: { text: string }[] }[] }
    | undefined;
  return steps?.elements.map((line) => line.elements.map((part) => part.text).join('')) ?? [];
};

describe('a healthy server', () => {
  let mail: MailStandIn;
  let chat: ChatServer;
  beforeAll(async () => {
    mail = await startSmtpStandIn({ certificate: pki.trusted([HOST]) });
    chat = await startChatServer(checkSettings(mail.port));
  });
  afterAll(async () => {
    await chat.close();
    await mail.close();
  });

  test('Teams: "check HOST" shows the progress line, then the same activity becomes the result card', async () => {
    const { progress, update, card } = await teamsCheck(
      chat,
      personalMessage(`check ${HOST}`, { serviceUrl: chat.connector.url }),
    );
    expect(update.conversationId).toBe(progress.conversationId);
    expect(card.body[0].text).toBe(`${HOST}: no problem found`);
    expect(JSON.stringify(card)).toContain('✓ ');
    expect(JSON.stringify(card)).not.toContain('✗ ');
    expect(cardIssues(card)).toEqual([]);
    // The check was logged with who asked, the target and the verdict.
    const logged = await chat.logLine((line) => line.msg === 'live check');
    expect(logged.check).toMatchObject({
      requester: `teams:${TENANT}:aad-alex`,
      target: HOST,
      verdict: 'passed',
      address: '127.0.0.1',
    });
    expect(mail.mailCommands).toBe(0);
  });

  test('Slack: /mailflow check HOST acks with the progress line; the response URL replaces it with the result', async () => {
    const ack = await chat.slackCommand(`check ${HOST}`, 'cmd-healthy');
    expect(ack).toMatchObject({ response_type: 'ephemeral', text: `Checking ${HOST}…` });
    const result = await chat.slack.waitFor('response_url', (call) => call.responseId === 'cmd-healthy');
    expect(result.body.replace_original).toBe(true);
    const blocks = result.body.blocks as Record<string, unknown>[];
    expect(headerOf(blocks as never)).toBe(`${HOST}: no problem found`);
    expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    expect(stepLines(blocks)).toHaveLength(7);
    expect(stepLines(blocks).every((line) => line.startsWith('✓ '))).toBe(true);
  });

  test('Slack: a mention in Spanish is answered in its thread, then chat.update puts the result in place', async () => {
    const event = mention(`comprueba ${HOST}`, 'U2');
    expect(await chat.slackEvent(event)).toBe(200);
    const progress = await chat.slack.waitFor(
      'chat.postMessage',
      (call) => call.body.text === `Comprobando ${HOST}…`,
    );
    expect(progress.body.thread_ts).toBe(event.ts);
    const update = await chat.slack.waitFor('chat.update', (call) => call.body.channel === 'C1');
    expect(update.body.ts).toMatch(/^\d+\.000100$/);
    expect(headerOf(update.body.blocks as never)).toBe(`${HOST}: ningún problema`);
  });

  test('Teams: "Check the server" on an answer to a pasted NDR runs the check for the server it named', async () => {
    await chat.teams(personalMessage(PASTE, { serviceUrl: chat.connector.url }));
    const answer = await chat.connectorCall(
      (call) =>
        call.method === 'POST' && call.body.attachments?.[0]?.content.body[0].text.includes('4.4.316'),
    );
    const card = answer.body.attachments[0].content;
    const button = card.actions.find((action: { title: string }) => action.title === 'Check the server');
    expect(button).toMatchObject({ type: 'Action.Submit', data: { mailflow: 'checkServer', host: HOST } });
    const { card: result } = await teamsCheck(
      chat,
      cardSubmit(button.data, idOfPost(chat, answer), { serviceUrl: chat.connector.url }),
    );
    expect(result.body[0].text).toBe(`${HOST}: no problem found`);
    // The answer card itself stays as it was: the check came as a reply of its own.
    expect(chat.connector.calls.some((call) => call.activityId === idOfPost(chat, answer))).toBe(false);
  });

  test('Slack: "Check the server" under a channel answer posts the progress in its thread and updates it', async () => {
    const event = mention(PASTE, 'U3');
    await chat.slackEvent(event);
    const answer = await chat.slack.waitFor('chat.postMessage', (call) => call.body.thread_ts === event.ts);
    const blocks = answer.body.blocks as {
      type: string;
      block_id?: string;
      elements?: Record<string, unknown>[];
    }[];
    const actions = blocks.find((block) => block.type === 'actions');
    const button = actions?.elements?.find((element) => element.action_id === 'mailflow_check');
    expect(button).toMatchObject({ text: { text: 'Check the server' } });
    const status = await chat.slackClick(
      click({
        user: 'U3',
        actionId: 'mailflow_check',
        blocks,
        ephemeral: false,
        responseId: 'click-check',
        standIn: chat.slack,
        messageTs: '1700000999.000100',
        threadTs: event.ts,
      }),
    );
    expect(status).toBe(200);
    const progress = await chat.slack.waitFor(
      'chat.postMessage',
      (call) => call.body.text === `Checking ${HOST}…` && call.body.thread_ts === event.ts,
    );
    expect(progress.body.channel).toBe('C1');
    const update = await chat.slack.waitFor(
      'chat.update',
      (call) => headerOf(call.body.blocks as never) === `${HOST}: no problem found`,
    );
    expect(update.body.channel).toBe('C1');
  });
  test('Slack: "Check the server" under a private answer sends the progress, then the result, as private messages', async () => {
    const ack = await chat.slackCommand(PASTE, 'cmd-paste', 'U4');
    const blocks = ack.blocks as { type: string; block_id?: string; elements?: Record<string, unknown>[] }[];
    const actions = blocks.find((block) => block.type === 'actions');
    const button = actions?.elements?.find((element) => element.action_id === 'mailflow_check');
    expect(button).toBeDefined();
    await chat.slackClick(
      click({
        user: 'U4',
        actionId: 'mailflow_check',
        blocks,
        ephemeral: true,
        responseId: 'click-private',
        standIn: chat.slack,
        messageTs: '1700000998.000100',
      }),
    );
    const progress = await chat.slack.waitFor(
      'response_url',
      (call) => call.responseId === 'click-private' && call.body.text === `Checking ${HOST}…`,
    );
    expect(progress.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const result = await chat.slack.waitFor(
      'response_url',
      (call) => call.responseId === 'click-private' && call.body.blocks !== undefined,
    );
    expect(result.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(headerOf(result.body.blocks as never)).toBe(`${HOST}: no problem found`);
  });

  test('Teams: a check click whose data no card of ours wrote is ignored and logged', async () => {
    const before = chat.connector.calls.length;
    const forged = { mailflow: 'checkServer', host: 42, locale: 'en' };
    expect(await chat.teams(cardSubmit(forged, 'reply-1', { serviceUrl: chat.connector.url }))).toBe(200);
    await chat.logLine((line) => line.msg === 'ignored a malformed check click');
    expect(chat.connector.calls.length).toBe(before);
  });
});

describe('a server that refuses connections', () => {
  let chat: ChatServer;
  beforeAll(async () => {
    chat = await startChatServer(checkSettings(await refusedPort()));
  });
  afterAll(() => chat?.close());

  test('Teams: the result card names 4.4.316 and links its answer', async () => {
    const { card } = await teamsCheck(
      chat,
      personalMessage(`check ${HOST}`, { serviceUrl: chat.connector.url }),
    );
    expect(card.body[0].text).toBe(`${HOST}: 4.4.316 Connection refused`);
    expect(JSON.stringify(card)).toContain('✗ ');
    expect(card.actions[0]).toMatchObject({ type: 'Action.OpenUrl', url: expect.stringContaining('44316') });
    expect(cardIssues(card)).toEqual([]);
    const logged = await chat.logLine((line) => line.msg === 'live check');
    expect(logged.check).toMatchObject({ verdict: '4.4.316', target: HOST });
  });

  test('Slack: the result replaces the progress line and names 4.4.316', async () => {
    await chat.slackCommand(`check ${HOST}`, 'cmd-refused');
    const result = await chat.slack.waitFor('response_url', (call) => call.responseId === 'cmd-refused');
    const blocks = result.body.blocks as Record<string, unknown>[];
    expect(headerOf(blocks as never)).toBe(`${HOST}: 4.4.316 Connection refused`);
    expect(stepLines(blocks).at(-1)).toMatch(/^✗ Connection: 127\.0\.0\.1 refused the connection/);
    expect(result.body.text).toContain('4.4.316');
  });

  test('Teams in a channel: the progress and its update address the thread of the mention', async () => {
    const { progress, update } = await teamsCheck(
      chat,
      channelMention(`check ${HOST}`, { serviceUrl: chat.connector.url }),
    );
    expect(progress.conversationId).toContain(';messageid=');
    expect(update.conversationId).toBe(progress.conversationId);
  });

  test('Teams: an update the connector refuses is logged, and the server goes on answering', async () => {
    chat.connector.failUpdatesWith(403);
    try {
      const nth = chat.connector.calls.filter(isProgress).length + 1;
      await chat.teams(personalMessage(`check ${HOST}`, { serviceUrl: chat.connector.url }));
      await chat.connectorCall(isProgress, nth);
      const logged = await chat.logLine((line) => line.msg === 'could not replace the check’s progress line');
      expect(logged.level).toBe(50);
      expect((await fetch(`${chat.server.base}/healthz`)).status).toBe(200);
      expect(chat.server.exit()).toBeUndefined();
    } finally {
      chat.connector.failUpdatesWith(undefined);
    }
  });
});

describe('a server that accepts and never speaks (CHECK_TIMEOUT_MS=3000)', () => {
  let silent: MailStandIn;
  let chat: ChatServer;
  beforeAll(async () => {
    silent = await startRawStandIn(BROKEN_SERVERS.silent);
    chat = await startChatServer(checkSettings(silent.port, { CHECK_TIMEOUT_MS: '3000' }));
  });
  afterAll(async () => {
    await chat?.close();
    await silent.close();
  });

  test('the Slack ack and the Teams turn end before the check does; its result, 4.4.315, comes after', async () => {
    const ack = await chat.slackCommand(`check ${HOST}`, 'cmd-silent');
    expect(ack).toMatchObject({ text: `Checking ${HOST}…` });
    expect(chat.slack.callsOf('response_url')).toEqual([]);

    expect(await chat.teams(personalMessage(`check ${HOST}`, { serviceUrl: chat.connector.url }))).toBe(200);
    const progress = await chat.connectorCall(isProgress);
    // The turn is over, and the check (which waits for a greeting that never comes) still runs.
    expect(chat.connector.calls.filter((call) => call.method === 'PUT')).toEqual([]);

    const result = await chat.slack.waitFor('response_url', (call) => call.responseId === 'cmd-silent');
    expect(headerOf(result.body.blocks as never)).toBe(`${HOST}: 4.4.315 Connection timed out`);
    const update = await chat.connectorCall(
      (call) => call.method === 'PUT' && call.activityId === idOfPost(chat, progress),
    );
    expect(update.body.attachments[0].content.body[0].text).toBe(`${HOST}: 4.4.315 Connection timed out`);
  });
});
