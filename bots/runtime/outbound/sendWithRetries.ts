/**
 * One HTTP delivery with the outbound policy: each attempt under its own timeout, bounded retries
 * with backoff for what may pass (429, 408, 5xx, a timeout, a dropped connection), Retry-After
 * honoured up to the policy's cap. Anything else (2xx, 4xx) is the far end's answer and is returned.
 * A caller with a deadline of its own (a Teams turn) gets no attempt or wait past it.
 */
import { CodedError, ERROR_CODES } from '../errors';
import { exchange, type OutboundRequest, type OutboundResponse, OutboundTimeoutError } from './httpTransport';
import { backoffMs, type OutboundPolicy, retryAfterMs } from './policy';

export type FailureReason = 'status' | 'timeout' | 'network' | 'retry-after-too-long' | 'out-of-time';

/** The delivery was given up. Carries no URL and no header: response URLs and tokens are secrets. */
export class DeliveryError extends CodedError {
  readonly code = ERROR_CODES.outboundDeliveryFailed;
  constructor(
    readonly reason: FailureReason,
    readonly attempts: number,
    /** The last HTTP status, when the far end answered at all. */
    readonly status: number | undefined,
    /** The last response, so that a caller can still read a final 5xx or 429 as the answer. */
    readonly response?: OutboundResponse,
  ) {
    super(
      `gave up after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${status === undefined ? reason : `HTTP ${status}`}`,
    );
    this.name = 'DeliveryError';
  }
}

export interface RetryNotice {
  attempt: number;
  status: number | undefined;
  reason: FailureReason;
  delayMs: number;
}

export interface SendOptions {
  /** Told before each retry; for a log line. */
  onRetry?: (notice: RetryNotice) => void;
  /** Epoch ms by which the delivery must have ended, whatever the policy allows. */
  deadline?: number;
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

/** Less time than this left before the deadline is not worth another attempt. */
export const MIN_ATTEMPT_MS = 250;

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** 501 and 505 say the far end will never do it; other 5xx, 408 and 429 may pass. */
const isRetryableStatus = (status: number): boolean =>
  status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);

/**
 * A timeout of ours, or a socket's error (refused, reset, unknown host: a system error, which has a
 * string `code`): worth another attempt. Anything else (our own coded errors included, such as an
 * answer too large) is not retried. System errors are read by shape, not `instanceof Error`: Node
 * creates them in its own realm.
 */
function faultOf(error: unknown): 'timeout' | 'network' | undefined {
  if (error instanceof OutboundTimeoutError) return 'timeout';
  if (error instanceof CodedError) return undefined;
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? 'network' : undefined;
}

type Outcome =
  | { kind: 'answer'; response: OutboundResponse }
  | { kind: 'retry'; reason: FailureReason; response?: OutboundResponse; waitMs?: number };

async function attempt(
  request: OutboundRequest,
  policy: OutboundPolicy,
  timeoutMs: number,
): Promise<Outcome> {
  try {
    const response = await exchange(request, timeoutMs);
    if (!isRetryableStatus(response.status)) return { kind: 'answer', response };
    const waitMs =
      response.status === 429 || response.status === 503
        ? retryAfterMs(response.headers['retry-after'] ?? null)
        : undefined;
    if (waitMs !== undefined && waitMs > policy.maxRetryAfterMs)
      return { kind: 'retry', reason: 'retry-after-too-long', response };
    return { kind: 'retry', reason: 'status', response, ...(waitMs === undefined ? {} : { waitMs }) };
  } catch (error) {
    const fault = faultOf(error);
    if (!fault) throw error;
    return { kind: 'retry', reason: fault };
  }
}

/**
 * Sends `request` until an answer comes or the policy is spent. Resolves with the answer and the
 * attempts it took; rejects with a DeliveryError (or, for a fault of ours, that fault).
 */
export async function sendWithRetries(
  request: OutboundRequest,
  policy: OutboundPolicy,
  options: SendOptions = {},
): Promise<{ response: OutboundResponse; attempts: number }> {
  const sleep = options.sleep ?? sleepFor;
  const now = options.now ?? Date.now;
  const timeLeft = () =>
    options.deadline === undefined ? Number.POSITIVE_INFINITY : options.deadline - now();
  if (timeLeft() < MIN_ATTEMPT_MS) throw new DeliveryError('out-of-time', 0, undefined);
  for (let attempts = 1; ; attempts++) {
    const outcome = await attempt(request, policy, Math.min(policy.timeoutMs, timeLeft()));
    if (outcome.kind === 'answer') return { response: outcome.response, attempts };
    const status = outcome.response?.status;
    if (attempts >= policy.maxAttempts || outcome.reason === 'retry-after-too-long')
      throw new DeliveryError(outcome.reason, attempts, status, outcome.response);
    const delayMs = outcome.waitMs ?? backoffMs(attempts, policy, options.random);
    // No wait whose attempt could not fit before the deadline: the last failure is the answer.
    if (timeLeft() - delayMs < MIN_ATTEMPT_MS)
      throw new DeliveryError(outcome.reason, attempts, status, outcome.response);
    options.onRetry?.({ attempt: attempts, status, reason: outcome.reason, delayMs });
    await sleep(delayMs);
  }
}
