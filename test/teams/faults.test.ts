/**
 * The connector answering 429, 5xx or not at all, through real HTTP: bounded retries with backoff,
 * then a logged failure with the turn's reference; the server keeps serving others meanwhile.
 */
import { FAST_OUTBOUND_POLICY } from '../support/fastOutboundPolicy';
import { cardSubmit, personalMessage } from './support/activities';
import { type Harness, startHarness } from './support/botHarness';
import { languageActionData, titleOf } from './support/cards';
import { type ConnectorStandIn, startConnectorStandIn } from './support/connectorStandIn';

const FAST = FAST_OUTBOUND_POLICY;

jest.setTimeout(20_000);

let bot: Harness;
beforeEach(async () => {
  let count = 0;
  bot = await startHarness({ mode: 'local' }, { outbound: FAST, newReference: () => `ref${++count}` });
});
afterEach(() => bot.close());

const ask = (text: string, serviceUrl = bot.connector.url) => bot.post(personalMessage(text, { serviceUrl }));
const answerAttempts = (connector: ConnectorStandIn) =>
  connector.attempts.filter((call) => call.body?.attachments !== undefined);
const failures = () => bot.logs.filter((line) => line.msg === 'outbound delivery failed');

test('a 429 with Retry-After: 1 is waited out and the reply arrives on the second attempt', async () => {
  bot.connector.failNext({ status: 429, retryAfter: '1' });
  expect((await ask('4.4.316')).status).toBe(200);

  expect(bot.connector.attempts).toHaveLength(2);
  expect(titleOf(bot.connector.calls[0])).toBe('4.4.316 Connection refused');
  expect(bot.logs.find((line) => line.msg === 'outbound call failed, retrying')).toMatchObject({
    channel: 'teams',
    operation: 'replyToActivity',
    status: 429,
    delayMs: 1_000,
  });
  expect(failures()).toEqual([]);
});

test('two 503s are retried and the third attempt delivers the one reply', async () => {
  bot.connector.failNext({ status: 503 }, { status: 503 });
  await ask('4.4.316');
  expect(bot.connector.attempts).toHaveLength(3);
  expect(bot.connector.calls).toHaveLength(1);
  expect(failures()).toEqual([]);
});

test('an always-failing connector gets exactly the bounded attempts, and the failure is logged', async () => {
  bot.connector.failAlways({ status: 500 });
  expect((await ask('4.4.316')).status).toBe(200);

  // The answer, then the apology: each exactly maxAttempts times, and not once more.
  expect(answerAttempts(bot.connector)).toHaveLength(FAST.maxAttempts);
  expect(bot.connector.attempts).toHaveLength(2 * FAST.maxAttempts);
  const [answer, apology] = failures();
  expect(answer).toMatchObject({
    level: 50,
    channel: 'teams',
    operation: 'replyToActivity',
    status: 500,
    attempts: FAST.maxAttempts,
    reference: 'ref1',
  });
  // The turn's error, the failed reply and the apology that could not be sent share one reference.
  expect(apology).toMatchObject({ reference: 'ref1', attempts: FAST.maxAttempts });
  expect(bot.logs.find((line) => line.msg === 'turn failed')?.reference).toBe('ref1');
  expect(bot.logs.find((line) => line.msg === 'could not send the apology')?.reference).toBe('ref1');
  // Neither the serviceUrl nor any header goes into the log.
  expect(JSON.stringify(failures())).not.toContain('127.0.0.1');
});

test('a Retry-After beyond the cap is not waited for: one attempt, then the logged failure', async () => {
  bot.connector.failNext({ status: 429, retryAfter: '120' });
  await ask('4.4.316');
  expect(answerAttempts(bot.connector)).toHaveLength(1);
  expect(failures()[0]).toMatchObject({ status: 429, attempts: 1, reason: 'retry-after-too-long' });
});

test('a 4xx is the connector’s answer and is not retried', async () => {
  bot.connector.failAlways({ status: 404 });
  await ask('4.4.316');
  expect(answerAttempts(bot.connector)).toHaveLength(1);
});

test('a card update that meets a 503 is retried in place', async () => {
  await ask('what does 4.4.316 mean?');
  const data = languageActionData(bot.connector.calls[0]);
  bot.connector.failNext({ status: 503 });
  await bot.post(cardSubmit({ ...data, mailflowLocale: 'pl' }, 'reply-1', { serviceUrl: bot.connector.url }));

  const puts = bot.connector.attempts.filter((call) => call.method === 'PUT');
  expect(puts).toHaveLength(2);
  expect(titleOf(bot.connector.calls[1])).toBe('4.4.316 Połączenie odrzucone');
  expect(bot.connector.calls.filter((call) => call.method === 'POST')).toHaveLength(1);
});

describe('a connector that accepts and never answers', () => {
  let healthy: ConnectorStandIn;
  beforeEach(async () => {
    healthy = await startConnectorStandIn();
  });
  afterEach(() => healthy.close());

  test('times out each attempt, and meanwhile /healthz and another conversation are answered', async () => {
    bot.connector.failAlways('hang');
    let settled = false;
    const hanging = ask('4.4.316').finally(() => {
      settled = true;
    });
    while (bot.connector.attempts.length === 0) await new Promise((resolve) => setImmediate(resolve));

    expect((await bot.get('/healthz')).status).toBe(200);
    expect((await ask('4.4.315', healthy.url)).status).toBe(200);
    expect(titleOf(healthy.calls[0])).toBe('4.4.315 Connection timed out');
    // Both answered while the hanging turn was still trying (6 attempts of 400 ms at the least).
    expect(settled).toBe(false);

    expect((await hanging).status).toBe(200);
    expect(bot.connector.attempts).toHaveLength(2 * FAST.maxAttempts);
    expect(failures()[0]).toMatchObject({ reason: 'timeout', attempts: FAST.maxAttempts });
    expect(failures()[0]?.status).toBeUndefined();
  });
});
