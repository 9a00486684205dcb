import type { OutboundPolicy } from '../../bots/runtime/outbound/policy';

/** Short waits so that fault tests stay fast; the Retry-After cap stays above the 1 s they send. */
export const FAST_OUTBOUND_POLICY: OutboundPolicy = {
  maxAttempts: 3,
  timeoutMs: 400,
  baseDelayMs: 5,
  maxDelayMs: 20,
  maxRetryAfterMs: 2_000,
};
