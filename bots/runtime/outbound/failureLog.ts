/**
 * The log lines of outgoing deliveries: a retry at info, a delivery given up at error. Each names the
 * channel (the logger's binding), the operation, the status, the attempts and the turn's reference;
 * never a URL, a header or a body, which may hold tokens or the user's text.
 */
import type { Logger } from '../logger';
import { turnReference } from '../turnReference';
import { DeliveryError, type RetryNotice } from './sendWithRetries';

export function logRetry(logger: Logger, operation: string, notice: RetryNotice): void {
  logger.info({ operation, ...notice, reference: turnReference() }, 'outbound call failed, retrying');
}

export function logDeliveryFailure(logger: Logger, operation: string, error: unknown): void {
  const fields =
    error instanceof DeliveryError
      ? { status: error.status, attempts: error.attempts, reason: error.reason }
      : { attempts: 1, reason: error instanceof Error ? error.name : 'unknown' };
  logger.error({ operation, ...fields, reference: turnReference() }, 'outbound delivery failed');
}
