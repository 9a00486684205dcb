/**
 * `users.info` straight on the bot's keep-alive transport, under the outbound policy. It is the one
 * Web API call on the path of a command's answer (a new user's first one waits for their locale),
 * and the Web API client with its axios stack cost about 280 µs of CPU a call around the few
 * microseconds of the exchange itself. Other Web API calls stay on the client.
 */
import { CodedError, ERROR_CODES } from '../../runtime/errors';
import type { Logger } from '../../runtime/logger';
import { logDeliveryFailure, logRetry } from '../../runtime/outbound/failureLog';
import type { OutboundPolicy } from '../../runtime/outbound/policy';
import { sendWithRetries } from '../../runtime/outbound/sendWithRetries';
import type { UsersInfoClient } from '../userLocale';

const OPERATION = 'users.info';

/** Slack answered, but not with `ok: true` (a revoked token, an unknown user, a bad answer). */
export class WebApiError extends CodedError {
  readonly code = ERROR_CODES.slackApiRefused;
  constructor(
    readonly method: string,
    readonly error: string,
  ) {
    super(`Slack ${method} answered ${error}`);
    this.name = 'WebApiError';
  }
}

interface UsersInfoAnswer {
  ok?: unknown;
  error?: unknown;
  user?: { locale?: unknown };
}

/** A `users.info` client for the bot token of the request at hand (one workspace's, with OAuth). */
export function usersInfoClient(
  apiUrl: string,
  policy: OutboundPolicy,
  logger: Logger,
): (botToken: string) => UsersInfoClient {
  const url = new URL(OPERATION, apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`).href;
  return (botToken) => ({
    users: {
      async info({ user, include_locale }) {
        let text: string;
        try {
          const { response } = await sendWithRetries(
            {
              url,
              method: 'POST',
              headers: {
                'content-type': 'application/x-www-form-urlencoded',
                authorization: `Bearer ${botToken}`,
              },
              body: new URLSearchParams({ user, include_locale: String(include_locale) }).toString(),
            },
            policy,
            { onRetry: (notice) => logRetry(logger, OPERATION, notice) },
          );
          text = response.text;
        } catch (error) {
          logDeliveryFailure(logger, OPERATION, error);
          throw error;
        }
        let answer: UsersInfoAnswer;
        try {
          answer = JSON.parse(text) as UsersInfoAnswer;
        } catch {
          throw new WebApiError(OPERATION, 'not JSON');
        }
        if (answer?.ok !== true) throw new WebApiError(OPERATION, String(answer?.error ?? 'not ok'));
        const locale = answer.user?.locale;
        return { user: typeof locale === 'string' ? { locale } : {} };
      },
    },
  });
}
