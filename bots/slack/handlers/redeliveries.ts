/**
 * Slack redelivers an event it believes was missed (no 200 within 3 seconds, a network error), with
 * `X-Slack-Retry-Num` and the same `event_id`. Bolt has already acknowledged it by the time global
 * middleware runs; this stops it here, so one message never gets two answers.
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../runtime/logger';
import type { KeyValueStore } from '../../runtime/memoryStore';

const eventIdOf = (body: unknown): string | undefined => {
  const id = (body as { event_id?: unknown } | undefined)?.event_id;
  return typeof id === 'string' && id.length > 0 ? id : undefined;
};

export function ignoreRedeliveries(seen: KeyValueStore<true>, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const eventId = eventIdOf(body);
    if (eventId !== undefined) {
      if (seen.get(eventId)) {
        logger.info({ eventId, retryNum: context.retryNum }, 'Slack: ignored a redelivered event');
        return;
      }
      // Marked before answering: a retry that arrives while the first delivery is still being
      // answered is a duplicate too.
      seen.set(eventId, true);
    }
    await next();
  };
}
