/** The HTTP server: one restify server for every channel, plus health and readiness checks. */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import restify, { type Server } from 'restify';
import type { Channel } from './channel';
import {
  applyConnectionLimits,
  type ConnectionLimits,
  DEFAULT_CONNECTION_LIMITS,
} from './http/connectionLimits';
import { refuseEncodedBodies } from './http/contentEncoding';
import type { Logger } from './logger';

/** How long requests in flight get to finish after the server stops listening, before their sockets close. */
export const REQUEST_GRACE_MS = 6_000;

export interface CloseOptions {
  /**
   * How long the server goes on listening, not ready, before it stops taking connections: time for a
   * load balancer to see /readyz fail and send no more. Requests that still come are answered.
   */
  drainMs?: number;
}

export interface BotServer {
  readonly server: Server;
  /** Starts the channels and listens; resolves with the bound address (port 0 picks a free port). */
  listen(port: number, host: string): Promise<AddressInfo>;
  /**
   * Graceful shutdown: reports not ready, goes on answering for `drainMs`, then stops taking
   * connections and lets requests in flight send their replies (up to REQUEST_GRACE_MS) while the
   * channels finish their own work in flight.
   */
  close(options?: CloseOptions): Promise<void>;
}

export function createBotServer(
  channels: readonly Channel[],
  logger: Logger,
  limits: ConnectionLimits = DEFAULT_CONNECTION_LIMITS,
): BotServer {
  const server = restify.createServer({ name: 'mailflow-bot', handleUncaughtExceptions: false });
  applyConnectionLimits(server.server, limits);
  let ready = false;
  let closing = false;
  server.pre(refuseEncodedBodies(logger));
  // Once a shutdown begins, no connection is kept open for another request.
  server.pre((_req, res, next) => {
    if (closing) res.setHeader('connection', 'close');
    return next();
  });
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    return next();
  });
  // Ready once the settings were valid (else there is no server) and every channel has started;
  // not ready again once a shutdown begins, so a load balancer stops sending traffic.
  server.get('/readyz', (_req, res, next) => {
    res.send(ready ? 200 : 503, { status: ready ? 'ready' : 'not ready' });
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
      ready = true;
      return server.address() as AddressInfo;
    },
    async close({ drainMs = 0 }: CloseOptions = {}) {
      ready = false;
      closing = true;
      if (drainMs > 0) await new Promise((resolve) => setTimeout(resolve, drainMs));
      const http = server.server;
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      // Idle keep-alive connections would hold the server open; busy ones finish their request.
      http.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, REQUEST_GRACE_MS);
      });
      // Channels finish work they acknowledged (Slack answers after the ack) alongside the requests.
      const channelsStopped = Promise.all(channels.map((channel) => channel.stop?.()));
      await Promise.race([closed, grace]);
      clearTimeout(timer);
      http.closeAllConnections();
      await channelsStopped;
    },
  };
}
