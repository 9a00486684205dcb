/**
 * The connector client's transport: every reply and card update to the activity's serviceUrl goes
 * through the bot's outbound policy (per-attempt timeout, bounded retries, Retry-After capped).
 *
 * botframework-connector 4.23 builds its ConnectorClient on @azure/core-client, whose default
 * pipeline retries 3 times (Retry-After on 429/503 honoured without a cap; 5xx after 1 s, 2 s, 4 s…
 * up to 64 s) and has no timeout at all: a connector that never answers holds the turn forever.
 * That pipeline cannot be configured through ConnectorClientOptions, but its retry policy only
 * retries responses it sees and RestErrors: this client hands it a final answer (2xx, 4xx) or throws
 * a DeliveryError (not a RestError) once the policy is spent, so the built-in retry never runs on
 * top of this one and the attempts the far end sees are exactly the policy's. Within a turn, the
 * turn's deadline bounds them too (turnBudget.ts).
 */
import type { Logger } from '../../runtime/logger';
import { logDeliveryFailure, logRetry } from '../../runtime/outbound/failureLog';
import type { OutboundPolicy } from '../../runtime/outbound/policy';
import { type SendOptions, sendWithRetries } from '../../runtime/outbound/sendWithRetries';
import { turnDeadline } from '../../runtime/turnReference';
import { headersLike } from './headersLike';
import type { ConnectorHttpClient, ConnectorRequest, ConnectorResponse } from './httpTypes';

/** Headers the transport sets itself from the body and the connection. */
const HOP_HEADERS = new Set(['content-length', 'host', 'connection', 'transfer-encoding']);

const ACTIVITIES = /\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?\/?$/;

/** The connector operation, for the log: which kind of call failed, without the ids in the URL. */
export function operationOf(method: string, url: string): string {
  const match = ACTIVITIES.exec(new URL(url).pathname);
  if (!match) return `${method} connector`;
  const withId = match[1] !== undefined;
  if (method === 'POST') return withId ? 'replyToActivity' : 'sendToConversation';
  if (method === 'PUT' && withId) return 'updateActivity';
  if (method === 'DELETE' && withId) return 'deleteActivity';
  return `${method} activities`;
}

function requestHeaders(request: ConnectorRequest): Record<string, string> {
  const all = request.headers.toJson({ preserveCase: true });
  return Object.fromEntries(Object.entries(all).filter(([name]) => !HOP_HEADERS.has(name.toLowerCase())));
}

const bodyOf = (body: unknown): string | undefined =>
  body === undefined || body === null ? undefined : typeof body === 'string' ? body : JSON.stringify(body);

export function createRetryingHttpClient(
  policy: OutboundPolicy,
  logger: Logger,
  options: Pick<SendOptions, 'sleep' | 'random'> = {},
): ConnectorHttpClient {
  return {
    async sendRequest(request: ConnectorRequest): Promise<ConnectorResponse> {
      const operation = operationOf(request.method, request.url);
      const body = bodyOf(request.body);
      const turn = turnDeadline();
      try {
        const { response } = await sendWithRetries(
          {
            url: request.url,
            method: request.method,
            headers: requestHeaders(request),
            ...(body === undefined ? {} : { body }),
          },
          policy,
          {
            ...options,
            ...(turn ? { deadline: turn.deadline() } : {}),
            onRetry: (notice) => logRetry(logger, operation, notice),
          },
        );
        return {
          request,
          status: response.status,
          headers: headersLike(Object.entries(response.headers)),
          bodyAsText: response.text,
        };
      } catch (error) {
        logDeliveryFailure(logger, operation, error);
        turn?.deliveryGivenUp();
        throw error;
      }
    },
  };
}
