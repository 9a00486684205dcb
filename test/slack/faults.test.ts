/**
 * The Slack Web API and response URLs answering 429, 5xx or not at all, through real HTTP: bounded
 * retries with backoff, then a logged failure with the turn's reference; other users are still served.
 */
import { ask } from '../../core';
import { FAST_OUTBOUND_POLICY } from '../support/fastOutboundPolicy';
import { directMessage, mention, type SlackTestServer, startSlackServer } from './support/slackServer';

const FAST = FAST_OUTBOUND_POLICY;

jest.setTimeout(20_000);

let slack: SlackTestServer;
beforeEach(async () => {
  slack = await startSlackServer({ outbound: FAST });
});
afterEach(() => slack.close());

type Line = Record<string, unknown>;
const failures = (): Line[] => slack.logs.filter((line) => line.msg === 'outbound delivery failed');
const headerOf = (blocks: unknown): string | undefined =>
  (blocks as { type: string; text?: { text: string } }[]).find((block) => block.type === 'header')?.text
    ?.text;

test('chat.postMessage answered 429 with Retry-After: 1 is retried after it, and the answer arrives', async () => {
  slack.standIn.failNext('chat.postMessage', { status: 429, retryAfter: '1' });
  const event = mention('4.4.316', 'UF1');
  await slack.event(event);
  const answer = await slack.standIn.waitFor('chat.postMessage', (call) => call.body.thread_ts === event.ts);
  expect(headerOf(answer.body.blocks)).toBe(ask('4.4.316').answer.title);
  expect(slack.standIn.attemptsOf('chat.postMessage')).toBe(2);
  expect(slack.logs.find((line) => line.msg === 'outbound call failed, retrying')).toMatchObject({
    channel: 'slack',
    operation: 'chat.postMessage',
    status: 429,
    delayMs: 1_000,
  });
});

test('two 503s are retried and the third attempt posts the one answer', async () => {
  slack.standIn.failNext('chat.postMessage', { status: 503 }, { status: 503 });
  await slack.event(directMessage('4.4.316', 'UF2', 'DF2'));
  await slack.standIn.waitFor('chat.postMessage', (call) => call.body.channel === 'DF2');
  expect(slack.standIn.attemptsOf('chat.postMessage')).toBe(3);
  expect(slack.standIn.callsOf('chat.postMessage')).toHaveLength(1);
  expect(failures()).toEqual([]);
});

test('an always-failing Web API gets exactly the bounded attempts, and the failure is logged', async () => {
  slack.standIn.failAlways('chat.postMessage', { status: 500 });
  await slack.event(mention('4.4.316', 'UF3'));
  await slack.waitForLog((line) => line.msg === 'could not send the apology');

  // The answer, then the apology: each exactly maxAttempts times.
  expect(slack.standIn.attemptsOf('chat.postMessage')).toBe(2 * FAST.maxAttempts);
  const [answer, apology] = failures();
  expect(answer).toMatchObject({
    level: 50,
    channel: 'slack',
    operation: 'chat.postMessage',
    status: 500,
    attempts: FAST.maxAttempts,
  });
  // The failed delivery, the handler's error and the apology that failed share the turn's reference.
  const handlerError = slack.logs.find((line) => line.msg === 'turn failed');
  expect(typeof answer?.reference).toBe('string');
  expect(handlerError?.reference).toBe(answer?.reference);
  expect(apology?.reference).toBe(answer?.reference);
  expect(JSON.stringify(failures())).not.toMatch(/xoxb-|127\.0\.0\.1|authorization/i);
});

test('a response_url that answers 503 once still replaces the private answer', async () => {
  const blocks = ((await (await slack.command('4.4.316', 'UF4')).json()) as { blocks: unknown[] }).blocks;
  slack.standIn.failNext('response_url', { status: 503 });
  const { responseId } = await slack.clickPrivate('UF4', 'mailflow_fold_commands', blocks);
  const replaced = await slack.standIn.waitFor('response_url', (call) => call.responseId === responseId);
  expect(replaced.body.replace_original).toBe(true);
  expect(slack.standIn.attemptsOf('response_url')).toBe(2);
});

test('a response_url that always fails is tried the bounded number of times and logged', async () => {
  const blocks = ((await (await slack.command('4.4.316', 'UF5')).json()) as { blocks: unknown[] }).blocks;
  slack.standIn.failAlways('response_url', { status: 502 });
  await slack.clickPrivate('UF5', 'mailflow_fold_commands', blocks);
  await slack.waitForLog((line) => line.msg === 'could not send the apology');
  // The replacement, then the apology through the same URL.
  expect(slack.standIn.attemptsOf('response_url')).toBe(2 * FAST.maxAttempts);
  expect(failures()[0]).toMatchObject({ operation: 'response_url', status: 502, attempts: FAST.maxAttempts });
});

test('a Web API that never answers times out, and meanwhile /healthz and other users are answered', async () => {
  slack.standIn.failAlways('users.info', 'hang');
  slack.standIn.failAlways('chat.postMessage', 'hang');
  await slack.event(directMessage('4.4.316', 'UF6', 'DF6'));
  while (slack.standIn.attemptsOf('users.info') === 0) await new Promise((resolve) => setImmediate(resolve));

  expect((await fetch(`${slack.baseUrl}/healthz`)).status).toBe(200);
  // Another user's command waits for their locale a bounded time, then is answered by the other rules.
  const other = (await (await slack.command('4.4.318', 'UF7')).json()) as { blocks: unknown[] };
  expect(headerOf(other.blocks)).toBe(ask('4.4.318').answer.title);
  // UF6's answer was still being tried then (3 attempts of 400 ms at the least, after the locale wait).
  expect(failures().filter((line) => line.operation === 'chat.postMessage')).toEqual([]);

  // users.info given up for both users (each answered without their locale), then UF6's answer and
  // apology given up: each after exactly maxAttempts timeouts.
  await slack.waitForLog((line) => line.msg === 'could not send the apology');
  await slack.waitForLog(() => failures().length === 4);
  expect(slack.standIn.attemptsOf('users.info')).toBe(2 * FAST.maxAttempts);
  expect(slack.standIn.attemptsOf('chat.postMessage')).toBe(2 * FAST.maxAttempts);
  const byOperation = (operation: string) =>
    failures()
      .filter((line) => line.operation === operation)
      .map((line) => [line.reason, line.attempts]);
  expect(byOperation('users.info')).toEqual([
    ['timeout', FAST.maxAttempts],
    ['timeout', FAST.maxAttempts],
  ]);
  expect(byOperation('chat.postMessage')).toEqual([
    ['timeout', FAST.maxAttempts],
    ['timeout', FAST.maxAttempts],
  ]);
});
