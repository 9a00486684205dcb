/**
 * Finding 1 and 2 of the attack on the server: a body whose Content-Encoding the bot does not take is
 * refused before any parser reads it. restify's body parser inflates gzip itself, and a body that is
 * not gzip made the process exit; a small gzip body that inflates to hundreds of MB filled the memory.
 */
import { gzipSync } from 'node:zlib';
import { personalMessage } from '../teams/support/activities';
import { type ConnectorStandIn, startConnectorStandIn } from '../teams/support/connectorStandIn';
import { rawRequest } from './support/rawRequest';
import { type ServerChild, startServerChild } from './support/serverProcess';

let server: ServerChild;
let connector: ConnectorStandIn;
beforeAll(async () => {
  connector = await startConnectorStandIn();
  server = await startServerChild({});
}, 30_000);
afterAll(async () => {
  await server.stop();
  await connector.close();
});
jest.setTimeout(30_000);
afterEach(() => {
  expect(server.exit()).toBeUndefined();
});

const healthz = async () => (await rawRequest(server.base, { method: 'GET', path: '/healthz' })).status;

test.each(['gzip', 'deflate', 'br', 'x-gzip', 'GZIP', 'gzip, identity', 'compress'])(
  'a body with Content-Encoding %s that is not compressed at all is refused with 415',
  async (encoding) => {
    const response = await rawRequest(server.base, {
      path: '/api/messages',
      headers: { 'content-type': 'application/json', 'content-encoding': encoding },
      body: 'x',
    });
    expect(response.status).toBe(415);
    expect(await healthz()).toBe(200);
  },
);

test('a gzip bomb is refused without being inflated', async () => {
  // 200 MB of one byte compress to about 200 KB, under the 256 KB body limit.
  const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024, 0x5b), { level: 9 });
  expect(bomb.length).toBeLessThan(256 * 1024);
  const before = server.rssMb();
  const response = await rawRequest(server.base, {
    path: '/api/messages',
    headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    body: bomb,
  });
  expect(response.status).toBe(415);
  expect(await healthz()).toBe(200);
  expect(server.rssMb() - before).toBeLessThan(50);
});

test('the refusal names what the bot accepts, and an identity body is still answered', async () => {
  const refused = await rawRequest(server.base, {
    path: '/slack/events',
    headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    body: gzipSync('{}'),
  });
  expect(refused.status).toBe(415);
  expect(refused.headers['accept-encoding']).toBe('identity');

  const answered = await rawRequest(server.base, {
    path: '/api/messages',
    headers: { 'content-type': 'application/json', 'content-encoding': 'identity' },
    body: JSON.stringify(personalMessage('4.4.316', { serviceUrl: connector.url })),
  });
  expect(answered.status).toBe(200);
});

test('the body limit counts the bytes read, with or without a Content-Length', async () => {
  const large = JSON.stringify({ type: 'message', text: 'a'.repeat(300 * 1024) });
  for (const headers of [{}, { 'transfer-encoding': 'chunked' }]) {
    const response = await rawRequest(server.base, {
      path: '/api/messages',
      headers: { 'content-type': 'application/json', ...headers },
      body: large,
    });
    expect(response.status).toBe(413);
  }
});

test('each refusal is one JSON log line, and nothing goes to standard error', () => {
  const refusals = server.logs.filter((line) => line.status === 415);
  expect(refusals.length).toBeGreaterThanOrEqual(8);
  expect(server.stray).toEqual([]);
});
