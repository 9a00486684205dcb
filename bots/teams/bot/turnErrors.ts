/**
 * The adapter's last line of defence: any error a turn throws is logged with a correlation id, the
 * user gets the apology with that id, and the server goes on serving.
 */
import type { TurnContext } from 'botbuilder';
import { apologyText } from '../../../core';
import type { Logger } from '../../runtime/logger';
import { preferredLocale } from './preferences';
import { replyInThread } from './replies';
import type { TeamsState } from './state';

export interface TurnErrorDeps {
  logger: Logger;
  state: TeamsState;
  newReference: () => string;
}

export function createTurnErrorHandler(deps: TurnErrorDeps) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const reference = deps.newReference();
    const activity = context.activity;
    deps.logger.error(
      {
        err: error,
        reference,
        activityType: activity.type,
        activityName: activity.name,
        activityId: activity.id,
        conversationType: activity.conversation?.conversationType,
      },
      'turn failed',
    );
    try {
      await replyInThread(context, {
        type: 'message',
        text: apologyText(preferredLocale(context, deps.state), reference),
      });
    } catch (sendError) {
      // The connector itself may be what failed; the error above is already logged.
      deps.logger.error({ err: sendError, reference }, 'could not send the apology');
    }
  };
}
