/**
 * How hard the bot tries to deliver to a far end (the Bot Framework connector, the Slack Web API, a
 * Slack response_url) before it gives up and logs the failure. One policy for every outgoing call,
 * so that every reply is bounded in time the same way.
 */

export interface OutboundPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Each attempt is abandoned after this long: a far end that accepts and never answers. */
  timeoutMs: number;
  /** The first retry waits up to this long; each later one up to twice the previous cap. */
  baseDelayMs: number;
  /** No backoff wait is longer than this. */
  maxDelayMs: number;
  /**
   * A 429 or 503 asking to wait longer than this is not retried: retrying sooner would be refused
   * again, and waiting that long would keep the user waiting past any useful answer.
   */
  maxRetryAfterMs: number;
}

/**
 * Two retries, 5 s per attempt, backoff 0.5 s then 1 s (capped at 4 s), Retry-After honoured up to
 * 10 s. A connector or Slack answer normally takes well under a second, so 5 s means it is not
 * coming; two retries cover a deploy or a throttling burst at the far end. Worst case for one
 * delivery: 3 × 5 s + 2 × 10 s = 35 s, under Slack's and Teams' own patience for a turn.
 */
export const DEFAULT_OUTBOUND_POLICY: OutboundPolicy = {
  maxAttempts: 3,
  timeoutMs: 5_000,
  baseDelayMs: 500,
  maxDelayMs: 4_000,
  maxRetryAfterMs: 10_000,
};

/** The longest one delivery can take under `policy`: every attempt timing out, every wait at its cap. */
export function worstCaseMs(policy: OutboundPolicy): number {
  const retries = policy.maxAttempts - 1;
  const longestWait = Math.max(policy.maxDelayMs, policy.maxRetryAfterMs);
  return policy.maxAttempts * policy.timeoutMs + retries * longestWait;
}

/**
 * The wait before retry number `retry` (1 = the first retry): "full jitter", a random time up to the
 * exponential cap, so that many turns failing at once do not come back in step.
 */
export function backoffMs(retry: number, policy: OutboundPolicy, random: () => number = Math.random): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * cap);
}

/** `Retry-After` in milliseconds: delay-seconds or an HTTP date; `undefined` when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // An HTTP date names its month; Date.parse alone would read "-1" as a year.
  const date = /[a-z]{3}/i.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
