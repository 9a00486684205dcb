/**
 * Finding 10 (sockets): a client that sends half a request, or opens connections without end, holds
 * the server's sockets only as long as the limits say. Node's defaults kept a socket with half the
 * headers for 66 s and one with half a body for 306 s, and set no cap on connections.
 */
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { Conversation } from '../../bots/conversation/conversation';
import { createLogger } from '../../bots/runtime/logger';
import { DEFAULT_OUTBOUND_POLICY } from '../../bots/runtime/outbound/policy';
import { type BotServer, createBotServer } from '../../bots/server/app';
import { DEFAULT_CONNECTION_LIMITS } from '../../bots/server/http/connectionLimits';
import { createTeamsChannel } from '../../bots/teams/channel';

const LIMITS = { headersTimeoutMs: 400, requestTimeoutMs: 800, checkIntervalMs: 50, maxConnections: 4 };

let server: BotServer;
let port: number;
beforeAll(async () => {
  const logger = createLogger('silent');
  const channel = createTeamsChannel(
    { mode: 'local' },
    { logger, outbound: DEFAULT_OUTBOUND_POLICY, conversation: new Conversation({ logger }) },
  );
  server = createBotServer([channel], logger, { limits: LIMITS });
  ({ port } = await server.listen(0, '127.0.0.1'));
});
afterAll(() => server.close());

/** Opens a socket, writes `data`, and resolves with what came back once the server closed it. */
async function heldSocket(data: string): Promise<{ answer: string; heldMs: number }> {
  const socket: Socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  const started = Date.now();
  let answer = '';
  socket.on('data', (chunk: Buffer) => {
    answer += chunk.toString('latin1');
  });
  socket.on('error', () => undefined);
  socket.write(data);
  await once(socket, 'close');
  return { answer, heldMs: Date.now() - started };
}

test('half the headers: the socket is closed with 408 after the headers timeout', async () => {
  const { answer, heldMs } = await heldSocket(
    'POST /api/messages HTTP/1.1\r\nHost: bot\r\nContent-Type: appl',
  );
  expect(answer).toMatch(/^HTTP\/1\.1 408/);
  expect(heldMs).toBeLessThan(5_000);
});

test('half the body: the socket is closed with 408 after the request timeout', async () => {
  const { answer, heldMs } = await heldSocket(
    'POST /api/messages HTTP/1.1\r\nHost: bot\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":',
  );
  expect(answer).toMatch(/^HTTP\/1\.1 408/);
  expect(heldMs).toBeLessThan(5_000);
});

test('connections over the cap are closed as they arrive; the server answers again once they go', async () => {
  const open: Socket[] = [];
  for (let index = 0; index < LIMITS.maxConnections; index += 1) {
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    await once(socket, 'connect');
    open.push(socket);
  }
  // Connected by the kernel, then closed by the server without an answer.
  const { answer } = await heldSocket('GET /healthz HTTP/1.1\r\nHost: bot\r\n\r\n');
  expect(answer).toBe('');
  for (const socket of open) socket.destroy();
  await new Promise((resolve) => setTimeout(resolve, 100));
  const health = await fetch(`http://127.0.0.1:${port}/healthz`);
  expect(health.status).toBe(200);
});

test('the limits in production: headers within 10 s, a request within Bot Framework’s 15 s', () => {
  expect(DEFAULT_CONNECTION_LIMITS.headersTimeoutMs).toBeLessThanOrEqual(10_000);
  expect(DEFAULT_CONNECTION_LIMITS.requestTimeoutMs).toBeLessThanOrEqual(15_000);
  expect(DEFAULT_CONNECTION_LIMITS.checkIntervalMs).toBeLessThanOrEqual(1_000);
  expect(DEFAULT_CONNECTION_LIMITS.maxConnections).toBeGreaterThan(0);
});
