/**
 * Bolt's `ack()` over HTTP: the acknowledgement *is* the HTTP response, so a slash command's answer
 * goes back in the same round trip. Slack gives up after 3 seconds; a request nobody acknowledged
 * by then gets a 404, like Bolt's own receivers do, and the socket is not left open. Whatever comes
 * first (the ack, a failure, the timer) is the one answer; every later one is a no-op, even when
 * the response was ended by someone else.
 */
import type { ServerResponse } from 'node:http';
import type { Logger } from '../../runtime/logger';

const ACK_TIMEOUT_MS = 3_000;

export interface HttpAck {
  /** Bolt's ack function: sends its argument (none, text or an object as JSON) as the response. */
  ack(body?: unknown): Promise<void>;
  /** Resolves once a response went out, by `ack` or otherwise. */
  readonly answered: Promise<void>;
  /** Ends the response with `status` and no body, unless it already went out; true if this did. */
  fail(status: number): boolean;
}

export function createHttpAck(response: ServerResponse, logger: Logger): HttpAck {
  let markAnswered: () => void = () => {};
  const answered = new Promise<void>((resolve) => {
    markAnswered = resolve;
  });
  let sent = false;

  const send = (status: number, body?: unknown): boolean => {
    if (sent) return false;
    sent = true;
    clearTimeout(timer);
    // Writing to a response that has gone out would throw from a timer and end the process.
    if (response.headersSent || response.writableEnded) {
      markAnswered();
      return false;
    }
    if (body === undefined || body === '') {
      response.writeHead(status);
      response.end();
    } else if (typeof body === 'string') {
      response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(body);
    } else {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(body));
    }
    markAnswered();
    return true;
  };

  const timer = setTimeout(() => {
    if (sent) return;
    logger.warn('Slack request not acknowledged within 3 seconds');
    send(404);
  }, ACK_TIMEOUT_MS);
  timer.unref();

  return {
    async ack(body?: unknown) {
      if (sent) {
        logger.warn('Slack request acknowledged twice; the second ack is ignored');
        return;
      }
      send(200, body);
    },
    answered,
    fail: (status) => send(status),
  };
}
