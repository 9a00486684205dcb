/** users.info on the bot's own transport, against a local stand-in for the Web API. */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '../../bots/runtime/logger';
import { DEFAULT_OUTBOUND_POLICY } from '../../bots/runtime/outbound/policy';
import { usersInfoClient, WebApiError } from '../../bots/slack/outbound/usersInfo';

interface Seen {
  path: string;
  authorization: string | undefined;
  fields: URLSearchParams;
}

let server: Server;
let apiUrl: string;
const seen: Seen[] = [];
/** What the stand-in answers next. */
let answer = '';

async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += chunk;
  return body;
}

beforeAll(async () => {
  server = createServer((request, response) => {
    readBody(request).then((body) => {
      seen.push({
        path: request.url ?? '',
        authorization: request.headers.authorization,
        fields: new URLSearchParams(body),
      });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(answer);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
});

beforeEach(() => {
  seen.length = 0;
});

const client = (token: string) =>
  usersInfoClient(apiUrl, DEFAULT_OUTBOUND_POLICY, createLogger('silent'))(token);

test('asks for the user with their locale, with the bot token of the request', async () => {
  answer = JSON.stringify({ ok: true, user: { id: 'U1', locale: 'pt-BR' } });
  await expect(client('xoxb-one').users.info({ user: 'U1', include_locale: true })).resolves.toEqual({
    user: { locale: 'pt-BR' },
  });
  expect(seen).toHaveLength(1);
  expect(seen[0]?.path).toBe('/api/users.info');
  expect(seen[0]?.authorization).toBe('Bearer xoxb-one');
  expect(Object.fromEntries(seen[0]?.fields ?? [])).toEqual({ user: 'U1', include_locale: 'true' });
});

test('a user without a locale is a user without a locale', async () => {
  answer = JSON.stringify({ ok: true, user: { id: 'U2', locale: 42 } });
  await expect(client('xoxb-one').users.info({ user: 'U2', include_locale: true })).resolves.toEqual({
    user: {},
  });
});

test.each([
  [JSON.stringify({ ok: false, error: 'user_not_found' }), 'Slack users.info answered user_not_found'],
  [JSON.stringify({ ok: false }), 'Slack users.info answered not ok'],
  ['<html>', 'Slack users.info answered not JSON'],
  ['null', 'Slack users.info answered not ok'],
])('Slack answering %s is a coded error, never a locale', async (body, message) => {
  answer = body;
  const call = client('xoxb-one').users.info({ user: 'U3', include_locale: true });
  await expect(call).rejects.toThrow(WebApiError);
  await expect(call).rejects.toThrow(message);
});
