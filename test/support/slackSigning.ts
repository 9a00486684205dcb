/** Slack's request signing, as Slack does it: shared by the Slack tests and the server benchmark. */
import { createHmac } from 'node:crypto';

/** The `X-Slack-Signature` of `body` sent at `timestamp` (seconds), signed with `secret`. */
export function slackSignature(body: string, timestamp: number, secret: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** The two headers that make a request to POST /slack/events pass the signature check. */
export function signedHeaders(
  body: string,
  secret: string,
  timestamp = nowSeconds(),
): Record<string, string> {
  return {
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(body, timestamp, secret),
  };
}
