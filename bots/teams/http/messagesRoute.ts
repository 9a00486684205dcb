/**
 * POST /api/messages: the body read (bounded) and parsed, the activity checked, and only then handed
 * to botbuilder. Node's own request and response, so that the channel plugs into any HTTP server.
 */
import type { Request } from 'botbuilder';
import type { HttpRoute } from '../../runtime/channel';
import { BodyTooLargeError, readRawBody } from '../../runtime/http/readRawBody';
import type { Logger } from '../../runtime/logger';
import { botbuilderResponse } from './botbuilderResponse';
import { checkIncomingActivity } from './incomingActivity';

export const MESSAGES_PATH = '/api/messages';

/** Bot Framework activities are small; a card action carries at most a few KB of request. */
export const MAX_BODY_BYTES = 256 * 1024;

type Process = (request: Request, response: ReturnType<typeof botbuilderResponse>) => Promise<void>;

function refuse(
  response: Parameters<HttpRoute['handle']>[1],
  status: number,
  reason: string,
  logger: Logger,
): void {
  logger.warn({ status, reason }, 'Teams request refused');
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify({ error: reason }));
}

export function messagesRoute(localMode: boolean, logger: Logger, process: Process): HttpRoute {
  return {
    path: MESSAGES_PATH,
    async handle(request, response) {
      let body: unknown;
      try {
        body = JSON.parse((await readRawBody(request, MAX_BODY_BYTES)).toString('utf8'));
      } catch (error) {
        if (!(error instanceof BodyTooLargeError))
          return refuse(response, 400, 'the body is not JSON', logger);
        response.setHeader('connection', 'close');
        return refuse(response, 413, `the body is over ${MAX_BODY_BYTES} bytes`, logger);
      }
      const check = checkIncomingActivity(body, localMode);
      if (!check.ok) return refuse(response, check.status, check.reason, logger);
      const activity = body as Record<string, unknown>;
      await process(
        { body: activity, headers: request.headers, method: 'POST' },
        botbuilderResponse(response),
      );
    },
  };
}
