/**
 * Posting to a click's `response_url` (replacing, deleting or adding to an answer only the user
 * sees), under the outbound policy. Bolt's own `respond` posts with axios and neither a timeout nor
 * a retry: a response URL that never answers would hold the click's work forever.
 */
import type { RespondFn } from '@slack/bolt';
import { CodedError, ERROR_CODES } from '../../runtime/errors';
import type { Logger } from '../../runtime/logger';
import { logDeliveryFailure, logRetry } from '../../runtime/outbound/failureLog';
import type { OutboundPolicy } from '../../runtime/outbound/policy';
import { sendWithRetries } from '../../runtime/outbound/sendWithRetries';
import { turnReference } from '../../runtime/turnReference';

export type ResponseUrlMessage = Record<string, unknown>;
export type PostToResponseUrl = (responseUrl: string, message: ResponseUrlMessage) => Promise<void>;

const OPERATION = 'response_url';

export class ResponseUrlError extends CodedError {
  readonly code = ERROR_CODES.slackResponseUrlRefused;
  constructor(readonly status: number) {
    super(`the response URL answered HTTP ${status}`);
    this.name = 'ResponseUrlError';
  }
}

/** Bolt's `respond` for one click, posting through `post` instead of Bolt's axios. */
export function respondVia(post: PostToResponseUrl, responseUrl: string): RespondFn {
  return (message) => post(responseUrl, typeof message === 'string' ? { text: message } : { ...message });
}

export function responseUrlPoster(policy: OutboundPolicy, logger: Logger): PostToResponseUrl {
  return async (responseUrl, message) => {
    try {
      const { response, attempts } = await sendWithRetries(
        {
          url: responseUrl,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(message),
        },
        policy,
        { onRetry: (notice) => logRetry(logger, OPERATION, notice) },
      );
      // A 4xx (an expired URL, a refused message) is final: logged like a failed delivery.
      if (response.status >= 400) {
        logger.error(
          {
            operation: OPERATION,
            status: response.status,
            attempts,
            reason: 'status',
            reference: turnReference(),
          },
          'outbound delivery failed',
        );
        throw new ResponseUrlError(response.status);
      }
    } catch (error) {
      if (!(error instanceof ResponseUrlError)) logDeliveryFailure(logger, OPERATION, error);
      throw error;
    }
  };
}
