/**
 * Finding 7: on SIGTERM the listener closed at once, so /readyz never said 503 and a burst just
 * before the signal saw resets; Slack mentions acknowledged but still waiting for users.info were
 * dropped without a log line. Now the server stays listening, not ready, while it drains, and every
 * acknowledged Slack answer is either sent or named in the log.
 */
import { appMention, eventCallback } from '../slack/support/slackRequests';
import { BOT_USER_ID, type SlackStandIn } from '../slack/support/slackStandIn';
import { signedHeaders } from '../support/slackSigning';
import { personalMessage } from '../teams/support/activities';
import type { ConnectorStandIn } from '../teams/support/connectorStandIn';
import { rawRequest } from './support/rawRequest';
import type { ServerChild } from './support/serverProcess';
import {
  type ServerWithStandIns,
  SIGNING_SECRET,
  startServerWithStandIns,
} from './support/serverWithStandIns';

let running: ServerWithStandIns;
let server: ServerChild;
let standIn: SlackStandIn;
let connector: ConnectorStandIn;
beforeEach(async () => {
  running = await startServerWithStandIns();
  ({ server, slack: standIn, connector } = running);
}, 30_000);
afterEach(() => running.close());
jest.setTimeout(30_000);

const get = (path: string) => rawRequest(server.base, { method: 'GET', path, timeoutMs: 5_000 });

/** A signed app_mention from `user`, acknowledged by the bot before it answers. */
function mention(user: string) {
  const { body, contentType } = eventCallback({
    teamId: 'T1',
    botUserId: BOT_USER_ID,
    event: appMention(BOT_USER_ID, '4.4.316', user),
  });
  return rawRequest(server.base, {
    path: '/slack/events',
    headers: { 'content-type': contentType, ...signedHeaders(body, SIGNING_SECRET) },
    body,
  });
}

const exited = async () => {
  while (!server.exit()) await new Promise((resolve) => setTimeout(resolve, 20));
  return server.exit();
};

test('after SIGTERM the server still answers, not ready, then exits cleanly', async () => {
  expect((await get('/readyz')).status).toBe(200);
  process.kill(server.pid, 'SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect((await get('/readyz')).status).toBe(503);
  const turn = await rawRequest(server.base, {
    path: '/api/messages',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(personalMessage('4.4.316', { serviceUrl: connector.url })),
  });
  expect(turn.status).toBe(200);
  expect(turn.headers.connection).toBe('close');
  expect(connector.calls).toHaveLength(1);
  expect((await exited())?.code).toBe(0);
});

test('acknowledged Slack answers are sent during the drain, or each is named in the log', async () => {
  // Both users' locale lookups hang; one is let go during the drain, the other never.
  const releaseLate = standIn.holdUsersInfo('U-late');
  standIn.holdUsersInfo('U-stuck');
  expect((await mention('U-late')).status).toBe(200);
  expect((await mention('U-stuck')).status).toBe(200);
  // Held lookups are recorded only once answered; their attempts show that they arrived.
  while (standIn.attemptsOf('users.info') < 2) await new Promise((resolve) => setTimeout(resolve, 20));
  process.kill(server.pid, 'SIGTERM');
  setTimeout(releaseLate, 500);
  expect((await exited())?.code).toBe(0);
  // Both were answered: the stuck lookup is given up and the answer goes out without the user locale.
  const posted = standIn.callsOf('chat.postMessage').length;
  const cutOff = server.logs.filter((line) => line.msg === 'Slack: shutdown cut off an acknowledged answer');
  expect(posted + cutOff.length).toBe(2);
  expect(posted).toBe(2);
});

test('an answer that Slack never takes is named in the log when the drain ends', async () => {
  standIn.failAlways('chat.postMessage', 'hang');
  expect((await mention('U-unlucky')).status).toBe(200);
  while (standIn.attemptsOf('chat.postMessage') < 1) await new Promise((resolve) => setTimeout(resolve, 20));
  process.kill(server.pid, 'SIGTERM');
  expect((await exited())?.code).toBe(0);
  const cutOff = server.logs.filter((line) => line.msg === 'Slack: shutdown cut off an acknowledged answer');
  expect(cutOff).toHaveLength(1);
  expect(cutOff[0]?.reference).toEqual(expect.any(String));
});
