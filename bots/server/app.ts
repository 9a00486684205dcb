/** The HTTP server: one restify server for every channel, plus health checks. */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import restify, { type Server } from 'restify';
import type { Channel } from './channel';
import type { Logger } from './logger';

export interface BotServer {
  readonly server: Server;
  /** Starts listening; resolves with the bound address (port 0 picks a free port). */
  listen(port: number, host: string): Promise<AddressInfo>;
  close(): Promise<void>;
}

export function createBotServer(channels: readonly Channel[], logger: Logger): BotServer {
  const server = restify.createServer({ name: 'mailflow-bot', handleUncaughtExceptions: false });
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    return next();
  });
  for (const channel of channels) channel.mount(server);
  server.on('restifyError', (req, _res, error, callback) => {
    logger.warn({ err: error, method: req.method, path: req.path() }, 'request failed');
    return callback();
  });

  return {
    server,
    async listen(port, host) {
      for (const channel of channels) await channel.start?.();
      server.listen(port, host);
      await once(server, 'listening');
      return server.address() as AddressInfo;
    },
    async close() {
      for (const channel of channels) await channel.stop?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
