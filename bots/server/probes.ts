/**
 * Probes and strays: a browser opening the server (GET /), a client checking an endpoint (the Agents
 * Playground's HEAD /api/messages), a scanner asking for a path that does not exist. Each gets a
 * short answer and at most one short log line, without a stack trace.
 */
import type { Next, Request, Response, Server } from 'restify';
import type { Channel } from '../runtime/channel';
import type { Logger } from '../runtime/logger';

const BOT_NAME = 'mailflow-bot';

export function answerProbes(server: Server, channels: readonly Channel[], logger: Logger): void {
  const hello = (req: Request, res: Response, next: Next) => {
    logger.debug({ method: req.method, path: req.path() }, 'probe answered');
    res.send(200, { name: BOT_NAME });
    return next();
  };
  server.get('/', hello);
  server.head('/', hello);
  const routes = channels.flatMap((channel) => channel.routes);
  for (const { path } of routes.filter((route) => route.method !== 'GET')) {
    const postOnly = (req: Request, res: Response, next: Next) => {
      logger.debug({ method: req.method, path }, 'probe answered');
      res.header('allow', 'POST');
      res.send(405, { error: `${path} takes POST requests only` });
      return next();
    };
    server.get(path, postOnly);
    server.head(path, postOnly);
  }
  for (const { path } of routes.filter((route) => route.method === 'GET')) {
    server.post(path, (req: Request, res: Response, next: Next) => {
      logger.debug({ method: req.method, path }, 'probe answered');
      res.header('allow', 'GET');
      res.send(405, { error: `${path} takes GET requests only` });
      return next();
    });
  }
}

/**
 * A request that no route took or that a handler failed: one line. A refusal (4xx: an unknown path,
 * another method) is the client's doing and is logged without a stack; a server error keeps it.
 */
export function logRefusal(logger: Logger, req: Request, error: Error & { statusCode?: number }): void {
  const status = error.statusCode ?? 500;
  const where = { method: req.method, path: req.path(), status };
  if (status < 500) logger.warn({ ...where, reason: error.name }, 'request refused');
  else logger.error({ ...where, err: error }, 'request failed');
}
