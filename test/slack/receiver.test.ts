/** POST /slack/events refuses anything that is not a fresh, correctly signed request from Slack. */
import {
  mention,
  nowSeconds,
  type SlackTestServer,
  signature,
  startSlackServer,
} from './support/slackServer';

let slack: SlackTestServer;
beforeAll(async () => {
  slack = await startSlackServer();
});
afterAll(async () => {
  await slack.close();
});

/** Calls the bot made to Slack other than its start-up auth.test. */
const answersSent = () => slack.standIn.calls.filter((call) => call.method !== 'auth.test');

/** A request that is answered: once it is, any refused request before it had its chance to answer. */
async function barrier(): Promise<string> {
  const event = mention('4.4.316', 'UBARRIER');
  await slack.event(event);
  await slack.standIn.waitFor('chat.postMessage', (call) => call.body.thread_ts === event.ts);
  return event.ts;
}

describe.each([
  ['unsigned', { unsigned: true }],
  ['signed with another secret', { secret: 'not-the-signing-secret' }],
  ['with a signature of an unknown version', { headers: { 'x-slack-signature': `v1=${'ab'.repeat(32)}` } }],
  ['signed over 5 minutes ago', { timestamp: nowSeconds() - 6 * 60 }],
  ['signed over 5 minutes ahead', { timestamp: nowSeconds() + 6 * 60 }],
  ['with a timestamp that is not a number', { headers: { 'x-slack-request-timestamp': 'yesterday' } }],
])('a request %s', (_name, options) => {
  test('is refused with 401, and nothing is answered', async () => {
    const before = answersSent().length;
    const command = await slack.command('4.4.316', 'UEVIL', 'evil-command', options);
    expect(command.status).toBe(401);
    expect(await command.text()).toBe('');
    const event = await slack.event(mention('4.4.316', 'UEVIL'), undefined, options);
    expect(event.status).toBe(401);
    const barrierTs = await barrier();
    const fromBarrier = (call: { method: string; body: Record<string, unknown> }) =>
      (call.method === 'users.info' && call.body.user === 'UBARRIER') ||
      (call.method === 'chat.postMessage' && call.body.thread_ts === barrierTs);
    expect(
      answersSent()
        .slice(before)
        .filter((call) => !fromBarrier(call)),
    ).toEqual([]);
    expect(slack.standIn.calls.some((call) => call.responseId === 'evil-command')).toBe(false);
    expect(slack.standIn.callsOf('users.info').some((call) => call.body.user === 'UEVIL')).toBe(false);
  });
});

test('a signature over a different body is refused', async () => {
  const timestamp = nowSeconds();
  const response = await slack.post('{"type":"event_callback"}', 'application/json', {
    headers: { 'x-slack-signature': signature('{"type":"something else"}', timestamp) },
    timestamp,
  });
  expect(response.status).toBe(401);
});

test('a signed URL verification gets its challenge back', async () => {
  const response = await slack.post(
    JSON.stringify({ token: 't', challenge: 'challenge-3eZbrw1a', type: 'url_verification' }),
    'application/json',
  );
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ challenge: 'challenge-3eZbrw1a' });
});

test('an unsigned URL verification is refused', async () => {
  const response = await slack.post(
    JSON.stringify({ token: 't', challenge: 'c', type: 'url_verification' }),
    'application/json',
    { unsigned: true },
  );
  expect(response.status).toBe(401);
});

test('a body over 64 KB is refused with 413 before it is read', async () => {
  const response = await slack.post(
    JSON.stringify({ type: 'event_callback', padding: 'x'.repeat(70 * 1024) }),
    'application/json',
  );
  expect(response.status).toBe(413);
});

test('a signed body that is not JSON or a form is refused with 400', async () => {
  expect((await slack.post('{not json', 'application/json')).status).toBe(400);
  expect((await slack.post('<xml/>', 'text/xml')).status).toBe(400);
});

test("Slack's SSL check gets a 200 and nothing else", async () => {
  const response = await slack.post('ssl_check=1&token=t', 'application/x-www-form-urlencoded', {
    unsigned: true,
  });
  expect(response.status).toBe(200);
  expect(await response.text()).toBe('');
});

test('/healthz still answers next to the Slack route', async () => {
  const response = await fetch(`${slack.baseUrl}/healthz`);
  expect(response.status).toBe(200);
});
