/**
 * The HTTP server: one restify server for every channel's routes, plus health and readiness checks,
 * and short answers for probes (GET /, GET or HEAD on an endpoint) that need no log line of their own.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import restify, { type Server } from 'restify';
import type { Channel } from '../runtime/channel';
import type { Logger } from '../runtime/logger';
import type { StateHealth } from '../runtime/state';
import {
  applyConnectionLimits,
  type ConnectionLimits,
  DEFAULT_CONNECTION_LIMITS,
} from './http/connectionLimits';
import { refuseEncodedBodies } from './http/contentEncoding';
import { answerProbes, logRefusal } from './probes';

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

export interface BotServerOptions {
  limits?: ConnectionLimits;
  /** The state store's health, reported by /readyz (without its reason, which the log has). */
  stateHealth?: () => StateHealth;
}

export function createBotServer(
  channels: readonly Channel[],
  logger: Logger,
  { limits = DEFAULT_CONNECTION_LIMITS, stateHealth }: BotServerOptions = {},
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
  // not ready again once a shutdown begins, so a load balancer stops sending traffic. A degraded
  // state store (Redis out of reach) stays ready: every replica shares it, so a 503 would take them
  // all out at once, while each still answers from its own memory.
  server.get('/readyz', (_req, res, next) => {
    const health = stateHealth?.();
    const state = health && { backend: health.backend, status: health.status };
    res.send(ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', ...(state ? { state } : {}) });
    return next();
  });
  for (const route of channels.flatMap((channel) => channel.routes)) {
    const handler = async (req: restify.Request, res: restify.Response) => {
      await route.handle(req, res);
    };
    if (route.method === 'GET') server.get(route.path, handler);
    else server.post(route.path, handler);
  }
  answerProbes(server, channels, logger);
  server.on('restifyError', (req, _res, error, callback) => {
    logRefusal(logger, req, error);
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
