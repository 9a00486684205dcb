/**
 * POST /api/messages: only JSON is read, bounded, and parsed before anything else sees it; the
 * activity's checks, authentication and the turn are the endpoint's (activityEndpoint.ts). Node's own
 * request and response, so that the channel plugs into any HTTP server.
 */
import type { ServerResponse } from 'node:http';
import type { HttpRoute } from '../../runtime/channel';
import { BodyTooLargeError, readRawBody } from '../../runtime/http/readRawBody';
import type { Logger } from '../../runtime/logger';

export const MESSAGES_PATH = '/api/messages';

/** Bot Framework activities are small; a card action carries at most a few KB of request. */
export const MAX_BODY_BYTES = 256 * 1024;

/** What happens to a parsed body: `authorization` is the request's header, where it has one. */
export type ActivityHandler = (
  body: unknown,
  authorization: string | undefined,
  response: ServerResponse,
) => Promise<void>;

const mediaTypeOf = (contentType: string | undefined): string =>
  (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';

function refuse(response: ServerResponse, status: number, reason: string, logger: Logger): void {
  logger.warn({ status, reason }, 'Teams request refused');
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify({ error: reason }));
}

export function messagesRoute(logger: Logger, handleActivity: ActivityHandler): HttpRoute {
  return {
    path: MESSAGES_PATH,
    async handle(request, response) {
      // Bot Framework, the Emulator and the Agents Playground only ever send JSON; any other body is
      // never read, and closing the connection discards it.
      if (mediaTypeOf(request.headers['content-type']) !== 'application/json') {
        response.setHeader('connection', 'close');
        return refuse(response, 415, 'the body is not application/json', logger);
      }
      let body: unknown;
      try {
        body = JSON.parse((await readRawBody(request, MAX_BODY_BYTES)).toString('utf8'));
      } catch (error) {
        if (!(error instanceof BodyTooLargeError))
          return refuse(response, 400, 'the body is not JSON', logger);
        response.setHeader('connection', 'close');
        return refuse(response, 413, `the body is over ${MAX_BODY_BYTES} bytes`, logger);
      }
      await handleActivity(body, request.headers.authorization, response);
    },
  };
}
