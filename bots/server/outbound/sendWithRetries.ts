/**
 * One HTTP delivery with the outbound policy: each attempt under its own timeout, bounded retries
 * with backoff for what may pass (429, 408, 5xx, a timeout, a dropped connection), Retry-After
 * honoured up to the policy's cap. Anything else (2xx, 4xx) is the far end's answer and is returned.
 */
import { backoffMs, type OutboundPolicy, retryAfterMs } from './policy';

/** A far end's answer, read in full within the attempt's timeout. */
export interface OutboundResponse {
  status: number;
  headers: Headers;
  text: string;
}

export type FailureReason = 'status' | 'timeout' | 'network' | 'retry-after-too-long';

/** The delivery was given up. Carries no URL and no header: response URLs and tokens are secrets. */
export class DeliveryError extends Error {
  readonly code = 'OUTBOUND_DELIVERY_FAILED';
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
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** 501 and 505 say the far end will never do it; other 5xx, 408 and 429 may pass. */
const isRetryableStatus = (status: number): boolean =>
  status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);

/**
 * A timeout of ours, or fetch's "fetch failed" (refused, reset, DNS): worth another attempt. Read by
 * name, not `instanceof`: fetch's DOMException and TypeError may come from another realm.
 */
function faultOf(error: unknown): 'timeout' | 'network' | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { name, message } = error as { name?: unknown; message?: unknown };
  if (name === 'TimeoutError') return 'timeout';
  if (name === 'TypeError' && message === 'fetch failed') return 'network';
  return undefined;
}

type Outcome =
  | { kind: 'answer'; response: OutboundResponse }
  | { kind: 'retry'; reason: FailureReason; response?: OutboundResponse; waitMs?: number };

async function attempt(
  send: (signal: AbortSignal) => Promise<Response>,
  policy: OutboundPolicy,
): Promise<Outcome> {
  // One signal for the request and the body: a far end that sends headers and then stalls is caught too.
  const signal = AbortSignal.timeout(policy.timeoutMs);
  try {
    const raw = await send(signal);
    const response = { status: raw.status, headers: raw.headers, text: await raw.text() };
    if (!isRetryableStatus(response.status)) return { kind: 'answer', response };
    const waitMs =
      response.status === 429 || response.status === 503
        ? retryAfterMs(response.headers.get('retry-after'))
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
 * Sends with `send` (which must pass the signal to fetch) until an answer comes or the policy is
 * spent. Resolves with the answer and the attempts it took; rejects with a DeliveryError.
 */
export async function sendWithRetries(
  send: (signal: AbortSignal) => Promise<Response>,
  policy: OutboundPolicy,
  options: SendOptions = {},
): Promise<{ response: OutboundResponse; attempts: number }> {
  const sleep = options.sleep ?? sleepFor;
  for (let attempts = 1; ; attempts++) {
    const outcome = await attempt(send, policy);
    if (outcome.kind === 'answer') return { response: outcome.response, attempts };
    const status = outcome.response?.status;
    if (attempts >= policy.maxAttempts || outcome.reason === 'retry-after-too-long')
      throw new DeliveryError(outcome.reason, attempts, status, outcome.response);
    const delayMs = outcome.waitMs ?? backoffMs(attempts, policy, options.random);
    options.onRetry?.({ attempt: attempts, status, reason: outcome.reason, delayMs });
    await sleep(delayMs);
  }
}
