/**
 * Findings 4 and 5: the Authorization header of a Teams request, checked before botbuilder sees it.
 * A token with a new `tid` claim, signed by no one, added issuers to a list in botframework-connector
 * that is never cleared and is scanned for every new `tid`; when the signing keys could not be
 * fetched, requests hung for minutes or got a 500 carrying internal error text, and each refusal
 * wrote a stack trace to standard error.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { ToBotFromBotOrEmulatorTokenValidationParameters } from 'botframework-connector';
import type { TeamsSettings } from '../../bots/teams/settings';
import { FAST_OUTBOUND_POLICY } from '../support/fastOutboundPolicy';
import { personalMessage } from '../teams/support/activities';
import { type Harness, startHarness } from '../teams/support/botHarness';
import {
  APP_ID,
  CHANNEL_ISSUER,
  channelClaims,
  type MetadataStandIn,
  signToken,
  standInAuthentication,
  startMetadataStandIn,
} from './support/botFrameworkAuth';

const CONFIG: TeamsSettings = {
  mode: 'authenticated',
  appId: APP_ID,
  appPassword: 'not-a-real-secret',
  appType: 'MultiTenant',
};

let metadata: MetadataStandIn;
let bot: Harness;
let consoleOutput: jest.SpyInstance[];
beforeAll(async () => {
  metadata = await startMetadataStandIn();
});
afterAll(() => metadata.close());
beforeEach(async () => {
  metadata.mode = 'answer';
  metadata.hangAfter(Number.POSITIVE_INFINITY);
  // A new bot each time: its keys, fetched or failed, are not shared between tests.
  bot = await startHarness(CONFIG, {
    authentication: standInAuthentication(metadata),
    openIdMetadataUrls: { channel: metadata.url, emulator: metadata.url },
    outbound: FAST_OUTBOUND_POLICY,
  });
  consoleOutput = (['error', 'warn', 'log'] as const).map((method) => jest.spyOn(console, method));
});
afterEach(async () => {
  // Refusals are log lines of the bot's own, never console output.
  for (const spy of consoleOutput) expect(spy).not.toHaveBeenCalled();
  jest.restoreAllMocks();
  await bot.close();
});
jest.setTimeout(30_000);

const message = () => personalMessage('4.4.316', { serviceUrl: bot.connector.url });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const refusals = () => bot.logs.filter((line) => line.msg === 'Teams request refused');
/** A key of no one's: what a forger signs with. */
const forgersKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

test('a token signed with the signing key is answered', async () => {
  const token = metadata.token(channelClaims(bot.connector.url));
  const response = await bot.post(message(), bearer(token));
  expect(response.status).toBe(200);
  expect(bot.connector.calls).toHaveLength(1);
});

test('a flood of unsigned tokens with ever-new tenants is refused, and the issuer list stays as it was', async () => {
  const issuers = ToBotFromBotOrEmulatorTokenValidationParameters.issuer as string[];
  const before = [...issuers];
  const requestsBefore = metadata.requests.length;
  const now = Math.floor(Date.now() / 1000);
  for (let index = 0; index < 200; index += 1) {
    const tid = randomUUID();
    const iss = index % 2 ? `https://sts.windows.net/${tid}/` : CHANNEL_ISSUER;
    const token = signToken(
      { iss, tid, aud: APP_ID, ver: '1.0', appid: APP_ID, exp: now + 600 },
      { alg: 'RS256', kid: 'anything' },
      forgersKey,
    );
    const response = await bot.post(message(), bearer(token));
    expect(response).toEqual({ status: 401, body: undefined });
  }
  expect(issuers).toEqual(before);
  // Refused on their claims alone: no key was fetched for them.
  expect(metadata.requests.length).toBe(requestsBefore);
  expect(refusals()).toHaveLength(200);
});

describe('forged tokens are refused with 401 and one log line each', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const cases: [string, () => string][] = [
    ['a header over 8 KB', () => `Bearer ${'a'.repeat(9_000)}`],
    ['no Bearer scheme', () => `Basic ${Buffer.from('user:password').toString('base64')}`],
    ['not a JWT', () => 'Bearer not.a.jwt.at.all'],
    ['a header that is not JSON', () => `Bearer ${Buffer.from('{alg').toString('base64url')}.e30.c2ln`],
    ['alg none', () => `Bearer ${signToken(channelClaims('x'), { alg: 'none', kid: 'k' }, forgersKey)}`],
    [
      'an issuer of its own',
      () => `Bearer ${metadata.token(channelClaims(bot.connector.url, { iss: 'https://evil.example/' }))}`,
    ],
    [
      'an unknown tenant',
      () => `Bearer ${metadata.token(channelClaims(bot.connector.url, { tid: randomUUID() }))}`,
    ],
    ['expired', () => `Bearer ${metadata.token(channelClaims(bot.connector.url, { exp: now() - 3600 }))}`],
    [
      'not yet valid',
      () => `Bearer ${metadata.token(channelClaims(bot.connector.url, { nbf: now() + 3600 }))}`,
    ],
    [
      'signed with another key',
      () => `Bearer ${metadata.token(channelClaims(bot.connector.url), {}, forgersKey)}`,
    ],
    [
      'for another bot',
      () => `Bearer ${metadata.token(channelClaims(bot.connector.url, { aud: randomUUID() }))}`,
    ],
    [
      'for another serviceUrl',
      () => `Bearer ${metadata.token(channelClaims('https://smba.trafficmanager.net/x/'))}`,
    ],
  ];
  test.each(cases)('%s', async (_name, authorization) => {
    const response = await bot.post(message(), { authorization: authorization() });
    expect(response).toEqual({ status: 401, body: undefined });
    expect(bot.connector.attempts).toEqual([]);
    expect(refusals()).toHaveLength(1);
  });
});

describe('when the signing keys cannot be fetched', () => {
  test.each(['fail', 'hang'] as const)(
    '(%s) a token gets a 503 within seconds, without internal text',
    async (mode) => {
      metadata.mode = mode;
      const token = metadata.token(channelClaims(bot.connector.url));
      const response = await bot.post(message(), bearer(token));
      expect(response).toEqual({ status: 503, body: undefined });
      expect(bot.connector.attempts).toEqual([]);
      expect(refusals()).toHaveLength(1);
    },
  );

  test('a hang holds at most a few requests; the rest are refused at once', async () => {
    metadata.mode = 'hang';
    const requestsBefore = metadata.requests.length;
    const token = metadata.token(channelClaims(bot.connector.url));
    const responses = await Promise.all(Array.from({ length: 20 }, () => bot.post(message(), bearer(token))));
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(503));
    // The keys are fetched by one request at a time, not one per request.
    expect(metadata.requests.length - requestsBefore).toBe(1);
  });

  test('when botbuilder’s own fetch of the keys hangs, a few requests wait for it and the rest get a 503 at once', async () => {
    // botbuilder keeps the keys of each metadata URL for the process: a stand-in it has not seen.
    const unseen = await startMetadataStandIn();
    const other = await startHarness(CONFIG, {
      authentication: standInAuthentication(unseen),
      openIdMetadataUrls: { channel: unseen.url, emulator: unseen.url },
    });
    try {
      // The bot's own fetch (metadata and key set) is answered; botbuilder's, which follows, hangs.
      unseen.hangAfter(2);
      const token = unseen.token(channelClaims(other.connector.url));
      const post = () =>
        other.post(personalMessage('4.4.316', { serviceUrl: other.connector.url }), bearer(token));
      const first = await post();
      const waiting = await Promise.all([post(), post(), post()]);
      const refusedAtOnce = await post();
      expect([first, ...waiting, refusedAtOnce].map((response) => response.status)).toEqual(
        Array(5).fill(503),
      );
      expect(
        other.logs.filter((line) => line.msg === 'Teams request refused').map((line) => line.reason),
      ).toEqual([...Array(4).fill('authentication took too long'), 'earlier authentications still hang']);
    } finally {
      await other.close();
      await unseen.close();
    }
  });
});
