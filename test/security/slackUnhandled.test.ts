/**
 * Finding 3: a signed Slack request that no handler takes (a slash command other than /mailflow, a
 * click on a button whose action_id the bot no longer has, a click without actions) got a 500, and
 * 3 s later the acknowledgement timer wrote to the finished response and the process exited. Every
 * Slack request is answered exactly once; what no handler takes gets a 404 at once.
 */

import type { SlackStandIn } from '../slack/support/slackStandIn';
import { signedHeaders } from '../support/slackSigning';
import { rawRequest } from './support/rawRequest';
import type { ServerChild } from './support/serverProcess';
import {
  type ServerWithStandIns,
  SIGNING_SECRET,
  startServerWithStandIns,
} from './support/serverWithStandIns';

const FORM = 'application/x-www-form-urlencoded';

let running: ServerWithStandIns;
let server: ServerChild;
let standIn: SlackStandIn;
beforeAll(async () => {
  running = await startServerWithStandIns();
  ({ server, slack: standIn } = running);
}, 30_000);
afterAll(() => running.close());
jest.setTimeout(30_000);

const postSigned = (body: string, contentType: string) =>
  rawRequest(server.base, {
    path: '/slack/events',
    headers: { 'content-type': contentType, ...signedHeaders(body, SIGNING_SECRET) },
    body,
  });

const command = (name: string) =>
  new URLSearchParams({
    team_id: 'T1',
    channel_id: 'C1',
    user_id: 'U1',
    command: name,
    text: '4.4.316',
    response_url: standIn.responseUrl('r1'),
    trigger_id: '1.2.3',
  }).toString();

const click = (actions: unknown[]) =>
  new URLSearchParams({
    payload: JSON.stringify({
      type: 'block_actions',
      user: { id: 'U1', team_id: 'T1' },
      team: { id: 'T1' },
      container: { type: 'message', message_ts: '1.2', channel_id: 'C1', is_ephemeral: false },
      channel: { id: 'C1' },
      response_url: standIn.responseUrl('r2'),
      trigger_id: '1.2.3',
      actions,
    }),
  }).toString();

const unhandled: [string, () => string][] = [
  ['a slash command other than /mailflow', () => command('/mailflow-old')],
  [
    'a click on an action_id the bot does not have',
    () =>
      click([{ type: 'button', action_id: 'renamed_button', block_id: 'b', action_ts: '1.3', value: 'x' }]),
  ],
  ['a click without actions', () => click([])],
];

test('what no handler takes gets a 404 at once, and the server lives on past the ack timer', async () => {
  for (const [name, body] of unhandled) {
    const response = await postSigned(body(), FORM);
    expect({ name, status: response.status }).toEqual({ name, status: 404 });
  }
  // The ack timer fires 3 s after each request; the server must still be there after it.
  await new Promise((resolve) => setTimeout(resolve, 3_500));
  expect(server.exit()).toBeUndefined();
  expect((await rawRequest(server.base, { method: 'GET', path: '/healthz' })).status).toBe(200);
  const refusals = server.logs.filter((line) => line.msg === 'Slack request refused: no handler takes it');
  expect(refusals.map((line) => line.command ?? line.actionIds)).toEqual([
    '/mailflow-old',
    ['renamed_button'],
    [],
  ]);
});

test('the /mailflow command is still answered in its ack', async () => {
  const response = await postSigned(command('/mailflow'), FORM);
  expect(response.status).toBe(200);
  expect(JSON.parse(response.body)).toMatchObject({ response_type: 'ephemeral' });
});

test('nothing went to standard error', () => {
  expect(server.stray).toEqual([]);
});
