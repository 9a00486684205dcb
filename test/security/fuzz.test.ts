/**
 * The server in its own process, fired at with random requests: every endpoint, any method, random
 * Content-Encodings, content types, Authorization headers of every length, Slack signatures good and
 * bad, JSON that is nearly an activity or a Slack payload, bytes that are not JSON, gzip, large
 * bodies. After each batch the process must be alive, /healthz must answer and its memory must stay
 * bounded. A crash of the child fails the test; no request may get a 5xx.
 */
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { ACTION_IDS } from '../../bots/slack/blocks/answerBlocks';
import type { SlackStandIn } from '../slack/support/slackStandIn';
import { signedHeaders } from '../support/slackSigning';
import { personalMessage } from '../teams/support/activities';
import type { ConnectorStandIn } from '../teams/support/connectorStandIn';
import { type RawRequest, rawRequest } from './support/rawRequest';
import type { ServerChild } from './support/serverProcess';
import {
  type ServerWithStandIns,
  SIGNING_SECRET,
  startServerWithStandIns,
} from './support/serverWithStandIns';

const MAX_RSS_MB = 250;
const BATCHES = 30;
const BATCH_SIZE = 10;

let running: ServerWithStandIns;
let server: ServerChild;
let slack: SlackStandIn;
let connector: ConnectorStandIn;
beforeAll(async () => {
  running = await startServerWithStandIns();
  ({ server, slack, connector } = running);
}, 30_000);
afterAll(() => running.close());

/** Printable ASCII: what a header value may hold. */
const headerText = (maxLength: number) =>
  fc.array(fc.integer({ min: 0x20, max: 0x7e }), { maxLength }).map((codes) => String.fromCharCode(...codes));
const token = fc.stringMatching(/^[A-Za-z0-9_-]{0,40}$/);

/** Mostly none: a request with an encoding never gets past the first refusal. */
const contentEncoding = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 6 },
  { arbitrary: fc.constantFrom('identity', 'IDENTITY', ''), weight: 2 },
  { arbitrary: fc.constantFrom('gzip', 'deflate', 'br', 'x-gzip', 'gzip, deflate'), weight: 1 },
  { arbitrary: headerText(30), weight: 1 },
);
const contentType = fc.oneof(
  { arbitrary: fc.constant('application/json'), weight: 4 },
  fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'application/x-www-form-urlencoded',
    'text/plain',
    'multipart/form-data; boundary=x',
  ),
  headerText(40),
);
const jwtLike = fc
  .tuple(fc.json(), fc.json(), token)
  .map(([head, claims, signature]) =>
    [Buffer.from(head).toString('base64url'), Buffer.from(claims).toString('base64url'), signature].join('.'),
  );
const authorization = fc.option(
  fc.oneof(
    jwtLike.map((jwt) => `Bearer ${jwt}`),
    headerText(200),
    fc.integer({ min: 1_000, max: 20_000 }).map((length) => `Bearer ${'A'.repeat(length)}`),
  ),
  { nil: undefined },
);

/** An activity with some fields replaced by anything: almost right is where boundaries break. */
const activity = fc
  .record({
    base: fc.constantFrom('4.4.316', 'hello', '', 'lang es', 'check 127.0.0.1'),
    overrides: fc.dictionary(
      fc.constantFrom(
        'type',
        'text',
        'locale',
        'entities',
        'value',
        'from',
        'recipient',
        'conversation',
        'serviceUrl',
        'channelData',
        'membersAdded',
        'replyToId',
        'name',
        'timestamp',
      ),
      fc.oneof(fc.anything({ maxDepth: 3 }), fc.constantFrom('message', 'invoke', 'conversationUpdate')),
      { maxKeys: 3 },
    ),
  })
  .map(({ base, overrides }) => ({
    ...personalMessage(base, { serviceUrl: connector.url }),
    ...overrides,
  }));

/** A Slack body of each kind, with random fields, signed so that it gets past the signature check. */
const slackBody = fc.oneof(
  fc
    .record({ command: fc.constantFrom('/mailflow', '/other', ''), text: fc.string({ maxLength: 200 }) })
    .map(({ command, text }) => ({
      body: new URLSearchParams({
        command,
        text,
        user_id: 'U1',
        channel_id: 'C1',
        team_id: 'T1',
        response_url: slack.responseUrl('fuzz'),
      }).toString(),
      type: 'application/x-www-form-urlencoded',
    })),
  fc
    .record({
      actionId: fc.oneof(
        fc.constantFrom(ACTION_IDS.fold('steps'), ACTION_IDS.share, ACTION_IDS.language),
        token,
      ),
      value: fc.oneof(
        fc.string({ maxLength: 100 }),
        fc.json().map((json) => json.slice(0, 500)),
      ),
      container: fc.anything({ maxDepth: 2 }),
    })
    .map(({ actionId, value, container }) => ({
      body: new URLSearchParams({
        payload: JSON.stringify({
          type: 'block_actions',
          user: { id: 'U1', team_id: 'T1' },
          team: { id: 'T1' },
          container,
          channel: { id: 'C1' },
          response_url: slack.responseUrl('fuzz'),
          actions: [{ type: 'button', action_id: actionId, block_id: value, value, action_ts: '1.2' }],
        }),
      }).toString(),
      type: 'application/x-www-form-urlencoded',
    })),
  fc
    .record({ eventType: fc.constantFrom('app_mention', 'message', 'reaction_added'), event: fc.anything() })
    .map(({ eventType, event }) => ({
      body: JSON.stringify({
        type: 'event_callback',
        event_id: `Ev${Math.random().toString(36).slice(2)}`,
        team_id: 'T1',
        event: {
          type: eventType,
          user: 'U1',
          channel: 'C1',
          text: '4.4.316',
          ts: '1.2',
          ...(typeof event === 'object' && event !== null ? event : {}),
        },
      }),
      type: 'application/json',
    })),
  fc.json().map((body) => ({ body, type: 'application/json' })),
);

const rawBody = fc.oneof(
  { arbitrary: activity.map((value) => JSON.stringify(value)), weight: 5 },
  fc.json(),
  fc.string({ maxLength: 500 }),
  fc.uint8Array({ maxLength: 2_000 }).map((bytes) => Buffer.from(bytes)),
  activity.map((value) => gzipSync(JSON.stringify(value))),
  fc.integer({ min: 1, max: 20 }).map((count) => `[${'['.repeat(count * 10_000)}`),
  fc.constant(JSON.stringify({ type: 'message', text: 'a'.repeat(300 * 1024) })),
);

const request: fc.Arbitrary<RawRequest> = fc.oneof(
  // Teams: a body of any kind with any headers.
  fc
    .record({
      body: rawBody,
      contentType,
      contentEncoding,
      authorization,
      method: fc.oneof({ arbitrary: fc.constant('POST'), weight: 9 }, fc.constant('PUT')),
    })
    .map(({ body, contentType: type, contentEncoding: encoding, authorization: auth, method }) => ({
      method,
      path: '/api/messages',
      body,
      headers: {
        'content-type': type,
        ...(encoding === undefined ? {} : { 'content-encoding': encoding }),
        ...(auth === undefined ? {} : { authorization: auth }),
      },
    })),
  // Slack: signed or not, with a body of its own kinds or any.
  fc
    .record({
      payload: fc.oneof(
        { arbitrary: slackBody, weight: 4 },
        rawBody.map((body) => ({ body, type: 'application/json' })),
      ),
      signed: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, fc.constant(false)),
      contentEncoding,
      staleBy: fc.constantFrom(0, 0, 600, -600),
    })
    .map(({ payload, signed, contentEncoding: encoding, staleBy }) => ({
      path: '/slack/events',
      body: payload.body,
      headers: {
        'content-type': payload.type,
        ...(signed
          ? signedHeaders(payload.body.toString(), SIGNING_SECRET, Math.floor(Date.now() / 1000) - staleBy)
          : { 'x-slack-signature': 'v0=00', 'x-slack-request-timestamp': '1' }),
        ...(encoding === undefined ? {} : { 'content-encoding': encoding }),
      },
    })),
  // Anything else: other paths and methods, odd headers.
  fc
    .record({
      method: fc.constantFrom('GET', 'POST', 'DELETE', 'OPTIONS', 'PATCH', 'HEAD'),
      path: fc.oneof(
        fc.constantFrom('/healthz', '/readyz', '/api/messages', '/slack/events', '/', '/slack/install', '/%'),
        token.map((segment) => `/${segment}`),
      ),
      name: token.filter((name) => name.length > 0).map((name) => `x-${name}`),
      value: headerText(2_000),
      contentEncoding,
    })
    .map(({ method, path, name, value, contentEncoding: encoding }) => ({
      method,
      path,
      headers: { [name]: value, ...(encoding === undefined ? {} : { 'content-encoding': encoding }) },
    })),
);

/** A request as a failure report shows it: headers and the start of the body. */
const described = (each: RawRequest | undefined) => ({
  method: each?.method,
  path: each?.path,
  headers: Object.fromEntries(
    Object.entries(each?.headers ?? {}).map(([name, value]) => [name, value.slice(0, 80)]),
  ),
  body: each?.body?.toString().slice(0, 300),
});

test('random requests at every endpoint: the server lives, answers /healthz, stays under 250 MB, never a 5xx', async () => {
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(fc.array(request, { minLength: BATCH_SIZE, maxLength: BATCH_SIZE }), async (batch) => {
      const responses = await Promise.all(batch.map((each) => rawRequest(server.base, each)));
      for (const response of responses)
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const serverErrors = responses.flatMap((response, index) =>
        response.status >= 500 ? [{ status: response.status, request: described(batch[index]) }] : [],
      );
      expect(serverErrors).toEqual([]);
      expect(server.exit()).toBeUndefined();
      const health = await rawRequest(server.base, { method: 'GET', path: '/healthz', timeoutMs: 10_000 });
      expect(health.status).toBe(200);
      expect(server.rssMb()).toBeLessThan(MAX_RSS_MB);
    }),
    { numRuns: BATCHES },
  );
  // The requests went through: most were answered (a refusal may close the socket mid-body).
  const answered = [...statuses].filter(([status]) => status > 0).reduce((sum, [, count]) => sum + count, 0);
  expect(answered).toBeGreaterThan((BATCHES * BATCH_SIZE) / 2);
  expect(server.exit()).toBeUndefined();
}, 120_000);
