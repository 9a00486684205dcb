/**
 * Is this request from Slack? The signature check itself is Bolt's (`verifySlackRequest`: HMAC of
 * `v0:timestamp:body` with the signing secret, compared in constant time, and stale timestamps
 * refused); this module only collects the headers and turns the outcome into a verdict.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { verifySlackRequest } from '@slack/bolt';

/** Slack's replay window: a request signed longer ago (or further ahead) than this is refused. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export type Verdict = { ok: true } | { ok: false; reason: string };

const single = (value: string | string[] | undefined): string | undefined =>
  typeof value === 'string' ? value : undefined;

export function verifyRequest(
  signingSecret: string,
  rawBody: string,
  headers: IncomingHttpHeaders,
  nowMs: number = Date.now(),
): Verdict {
  const signature = single(headers['x-slack-signature']);
  const timestamp = single(headers['x-slack-request-timestamp']);
  if (!signature || !timestamp) return { ok: false, reason: 'no signature or timestamp header' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'timestamp is not a number' };
  const seconds = Number(timestamp);
  // Bolt refuses timestamps too far in the past; one far in the future is as suspect.
  if (seconds - nowMs / 1000 > MAX_CLOCK_SKEW_SECONDS)
    return { ok: false, reason: 'timestamp in the future' };
  try {
    verifySlackRequest({
      signingSecret,
      body: rawBody,
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': seconds },
      nowMilliseconds: nowMs,
    });
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
