/**
 * How the Slack Web API client sends: its HTTP goes through the bot's outbound policy.
 *
 * @slack/web-api 7.19 retries on its own (10 times over about 30 minutes by default), has no timeout
 * unless given one, and on a 429 sleeps for the whole Retry-After, however long, while pausing every
 * other call of the client. So the client is configured not to retry and to reject a 429 at once,
 * and its transport (an axios adapter, a documented WebClient option) sends under the policy:
 * one timeout per attempt, bounded retries with backoff, Retry-After honoured up to the policy's cap.
 */
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../runtime/logger';
import { logDeliveryFailure, logRetry } from '../../runtime/outbound/failureLog';
import type { OutboundPolicy } from '../../runtime/outbound/policy';
import { type SendOptions, sendWithRetries } from '../../runtime/outbound/sendWithRetries';

type Adapter = NonNullable<webApi.WebClientOptions['adapter']>;
type RequestConfig = Parameters<Adapter>[0];

/** The Web API method (`chat.postMessage`), for the log; the URL itself is not logged. */
const methodOf = (url: string): string => new URL(url).pathname.split('/').pop() || 'unknown';

function requestHeaders(config: RequestConfig): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(config.headers.toJSON())) {
    if (typeof value === 'string' || typeof value === 'number') headers[name] = String(value);
  }
  return headers;
}

export function webApiAdapter(
  policy: OutboundPolicy,
  logger: Logger,
  options: Pick<SendOptions, 'sleep' | 'random'> = {},
): Adapter {
  return async (config) => {
    const url = config.url ?? '';
    const operation = methodOf(url);
    // The client sends every call the bot makes as a urlencoded or JSON string; file uploads (a
    // multipart stream) are not among them and would need axios' own adapter.
    if (config.data !== undefined && typeof config.data !== 'string')
      throw new TypeError(`Slack ${operation}: only string bodies are sent`);
    try {
      const { response } = await sendWithRetries(
        {
          url,
          method: (config.method ?? 'post').toUpperCase(),
          headers: requestHeaders(config),
          ...(config.data === undefined ? {} : { body: config.data }),
        },
        policy,
        { ...options, onRetry: (notice) => logRetry(logger, operation, notice) },
      );
      return {
        data: response.text,
        status: response.status,
        statusText: '',
        headers: { ...response.headers },
        config,
        // The client reads the request's path (for admin.analytics.getFile), as axios' own adapter sets it.
        request: { path: new URL(url).pathname },
      };
    } catch (error) {
      logDeliveryFailure(logger, operation, error);
      throw error;
    }
  };
}

/** The Web API client's options: no retries and no sleeping of its own, the transport above. */
export function webApiClientOptions(
  apiUrl: string,
  policy: OutboundPolicy,
  logger: Logger,
): webApi.WebClientOptions {
  return {
    slackApiUrl: apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    adapter: webApiAdapter(policy, logger),
  };
}
