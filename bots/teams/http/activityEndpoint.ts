/**
 * POST /api/messages once its JSON is parsed (messagesRoute.ts): the activity is checked, its sender authenticated, and
 * only then does botbuilder run the turn, within the turn's time budget. Every refusal is one log
 * line and a bare status (400/403 say which field was wrong; 401 and 503 say nothing more), and no
 * error of botbuilder's reaches the response or standard error: botbuilder's own request handling
 * (`CloudAdapter.process`) would print each one to the console and send its message as the body.
 */

import type { ServerResponse } from 'node:http';
import type { Activity, TurnContext } from 'botbuilder';
import type { Logger } from '../../runtime/logger';
import { withTurnReference } from '../../runtime/turnReference';
import type { Adapter } from '../adapter';
import { TurnBudget, type TurnBudgetLimits } from '../connector/turnBudget';
import type { Authenticator } from './authenticate';
import { checkIncomingActivity } from './incomingActivity';
import type { ActivityHandler } from './messagesRoute';

/** How long a client that got a 503 should wait before trying again. */
const RETRY_AFTER_SECONDS = '5';

export interface ActivityEndpointDeps {
  localMode: boolean;
  authenticate: Authenticator;
  adapter: Adapter;
  /** The bot's turn. */
  logic: (context: TurnContext) => Promise<void>;
  logger: Logger;
  newReference: () => string;
  budget: TurnBudgetLimits;
}

function respond(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status);
    res.end();
  } else {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  }
}

export function activityEndpoint(deps: ActivityEndpointDeps): ActivityHandler {
  const { logger } = deps;
  const refuse = (
    res: ServerResponse,
    status: number,
    reason: string,
    fields: Record<string, unknown> = {},
  ) => {
    logger.warn({ status, reason, ...fields }, 'Teams request refused');
    if (status === 503) res.setHeader('retry-after', RETRY_AFTER_SECONDS);
    // What was wrong with the activity helps whoever wrote it; nothing is said about a token.
    respond(res, status, status === 400 || status === 403 ? { error: reason } : undefined);
  };

  return async (body, authorization, res) => {
    const arrivedAt = Date.now();
    const check = checkIncomingActivity(body, deps.localMode);
    if (!check.ok) return refuse(res, check.status, check.reason);
    const activity: Activity = check.activity;
    const identity = await deps.authenticate(activity, authorization);
    if (!identity.ok) {
      return refuse(
        res,
        identity.status,
        identity.reason,
        identity.error === undefined ? {} : { err: identity.error },
      );
    }
    try {
      const budget = new TurnBudget(arrivedAt, deps.budget);
      const invokeResponse = await withTurnReference(
        deps.newReference,
        () => deps.adapter.runTurn(identity.result, activity, deps.logic),
        budget,
      );
      respond(res, invokeResponse?.status ?? 200, invokeResponse?.body);
    } catch (error) {
      // The turn's own errors are the adapter's onTurnError's; this is botbuilder failing around it.
      logger.error({ err: error, activityType: activity.type }, 'Teams turn could not run');
      respond(res, 500);
    }
  };
}
