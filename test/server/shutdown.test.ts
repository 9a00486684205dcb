/**
 * Graceful shutdown through real HTTP: a turn in flight still delivers its reply, the server then
 * stops taking requests, and readiness reports it.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Conversation } from '../../bots/conversation/conversation';
import { createLogger } from '../../bots/runtime/logger';
import { DEFAULT_OUTBOUND_POLICY } from '../../bots/runtime/outbound/policy';
import { createBotServer } from '../../bots/server/app';
import { createTeamsChannel } from '../../bots/teams/channel';
import { personalMessage } from '../teams/support/activities';

/** A connector that holds each reply until released, so a turn stays in flight on demand. */
async function slowConnector() {
  const received: string[] = [];
  const held: (() => void)[] = [];
  let arrived: () => void = () => {};
  const firstArrival = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      received.push(body);
      arrived();
      held.push(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `reply-${received.length}` }));
      });
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    received,
    firstArrival,
    release: () => {
      for (const send of held.splice(0)) send();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

test('a turn in flight delivers its reply; then the server takes no more requests', async () => {
  const connector = await slowConnector();
  const logger = createLogger('silent');
  const server = createBotServer(
    [
      createTeamsChannel(
        { mode: 'local' },
        { logger, outbound: DEFAULT_OUTBOUND_POLICY, conversation: new Conversation({ logger }) },
      ),
    ],
    logger,
  );
  const { port } = await server.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${port}`;
  try {
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    const turn = fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(personalMessage('4.4.316', { serviceUrl: connector.url })),
    });
    await connector.firstArrival;
    const closing = server.close();
    connector.release();

    expect((await turn).status).toBe(200);
    await closing;
    expect(connector.received).toHaveLength(1);
    expect(JSON.parse(connector.received[0] ?? '{}').attachments).toHaveLength(1);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  } finally {
    await connector.close();
  }
});
